import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { canonicalMember, normalizeModuleName } from '../knowledge/lookup';
import { calleeName } from '../shared/callee-name';
import { resolveModuleMember } from '../shared/module-references';
import { promiseMethodName, skipTypeWrappers } from '../shared/promise-detection';
import { resolveModuleMemberByType } from '../shared/type-module-member';
import { receiverOf, unwrapChain } from './promise-judge';

/** A function whose promises may float: a name as written or its last part, or `{ from: 'module', name }`. */
export type AllowedFunction = string | { from: string; name: string };

/** Whether a value comes from a function the `allow` option lists (through any `.then`/`.catch`/`.finally`). */
export function createAllowList(
  allow: readonly AllowedFunction[],
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): (node: TSESTree.Node) => boolean {
  const allowedNames = new Set<string>();
  const allowedMembers = new Set<string>();
  for (const entry of allow) {
    if (typeof entry === 'string') allowedNames.add(entry);
    else allowedMembers.add(`${normalizeModuleName(entry.from)}\0${entry.name}`);
  }
  return (node) => {
    if (allowedNames.size === 0 && allowedMembers.size === 0) return false;
    const root = chainRoot(node);
    const callee =
      root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression
        ? root.callee
        : root.type === AST_NODE_TYPES.TaggedTemplateExpression
          ? root.tag
          : root;
    const written = sourceCode.getText(callee).replace(/\s+/g, '');
    const last = callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression ? calleeName(callee) : undefined;
    if (allowedNames.has(written) || (last !== undefined && allowedNames.has(last))) return true;
    if (allowedMembers.size === 0) return false;
    const member =
      resolveModuleMember(callee, sourceCode) ??
      (services === undefined || callee.type !== AST_NODE_TYPES.MemberExpression ? undefined : resolveModuleMemberByType(callee, services));
    const canonical = member === undefined ? undefined : canonicalMember(member);
    return canonical !== undefined && allowedMembers.has(`${canonical.module}\0${canonical.name}`);
  };
}

/** The function whose promise starts the chain: `fetch` in `fetch(u).then(a).finally(b)`. */
export function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapChain(skipTypeWrappers(node));
  while (current.type === AST_NODE_TYPES.CallExpression && promiseMethodName(current) !== undefined) {
    current = unwrapChain(skipTypeWrappers(receiverOf(current)));
  }
  return current;
}
