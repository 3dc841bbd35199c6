import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { dropInFsEntry, dropInModuleApi, FS_DROP_IN_MODULES } from '../../knowledge/drop-in-fs';
import { normalizeModuleName, type ModuleMember } from '../../knowledge/lookup';
import type { NodeApi } from '../../knowledge/node-apis';
import { resolveModuleMember, staticPropertyName } from '../../shared/module-references';

/**
 * The `fs` entry for a callee that calls a drop-in `fs`: a member of
 * `graceful-fs`, `original-fs` or `fs-extra` (`member`, already resolved by
 * the caller), or a member of a constant whose value is `options.fs || fs`
 * (an injected file system, else `fs` or a drop-in): whatever `options.fs`
 * is, the code hands it the same arguments and callbacks as `fs`, so it is
 * taken to keep `fs`'s contracts.
 */
export function dropInFsApi(
  callee: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  member: ModuleMember | undefined,
): NodeApi | undefined {
  if (member !== undefined) return dropInModuleApi(member);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = staticPropertyName(callee);
  if (name === undefined || !isInjectedFs(callee.object, sourceCode)) return undefined;
  return dropInFsEntry([name]);
}

/** `xfs` declared once as `const xfs = opts.fs || fs` (or `??`, either side), never reassigned. */
function isInjectedFs(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable === null || definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  const declarator = definition.node;
  if (declarator.id !== definition.name || declarator.init?.type !== AST_NODE_TYPES.LogicalExpression) return false;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  const { operator, left, right } = declarator.init;
  return (operator === '||' || operator === '??') && (isFsModule(left, sourceCode) || isFsModule(right, sourceCode));
}

/** `fs`, `require('node:fs')`, `gracefulFs`: the whole module object of `fs` or a drop-in. */
function isFsModule(node: TSESTree.Expression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const member = resolveModuleMember(node, sourceCode);
  if (member === undefined || member.path.length > 0) return false;
  const module = normalizeModuleName(member.module);
  return module === 'fs' || FS_DROP_IN_MODULES.has(module);
}
