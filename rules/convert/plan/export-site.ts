import * as path from 'node:path';
import { ScopeType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../../shared/async-context';
import type { ExportSite } from '../program/module-exports';
import type { TextEdit } from '../types';

/**
 * A function written where a CommonJS file exports it (`exports.f = function …`,
 * `module.exports = function …`, `module.exports = { f: function … }`) has no
 * name of its own for the callback adapter to call. Under `--api callback` and
 * `dual` it moves, converted, into a declaration before the export statement,
 * and the export site gets the adapter calling it by that name.
 */

/** The top-level statement the declaration goes before, when the function is written at a CommonJS export site. */
export function exportStatement(site: ExportSite, fn: FunctionNode): TSESTree.ExpressionStatement | undefined {
  if (site.style !== 'commonjs' || site.value !== fn || fn.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  let statement: TSESTree.Node | undefined = site.statement;
  if (statement.type === AST_NODE_TYPES.Property) statement = statement.parent.parent?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.parent.type !== AST_NODE_TYPES.Program) return undefined;
  return statement;
}

/**
 * `export function f(…, cb)` / `export default function f(…, cb)` of a
 * JavaScript module, or a top-level `function f` that `export { f }` or
 * `export default f` names: the statement that gives way to
 * `async function fAsync(…)` and an adapter `f` calling it (exported as it was).
 */
export function moduleExportStatement(
  site: ExportSite,
  fn: FunctionNode,
  file: string,
  api: 'callback' | 'dual' | 'promise',
): TSESTree.ExportNamedDeclaration | TSESTree.ExportDefaultDeclaration | TSESTree.FunctionDeclaration | undefined {
  if (site.style !== 'module' || fn.type !== AST_NODE_TYPES.FunctionDeclaration || fn.id === null || fn.generator) return undefined;
  // TypeScript: the adapter keeps the parameters' types; a dual one would need overloads.
  if (/\.[cm]?tsx?$/.test(file) && (api !== 'callback' || fn.typeParameters != null || !fn.params.every((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name !== 'this'))) return undefined;
  if (site.value !== fn) {
    const named = site.value.type === AST_NODE_TYPES.Identifier && site.value.name === fn.id.name;
    return named && fn.parent.type === AST_NODE_TYPES.Program ? fn : undefined;
  }
  const statement = site.statement;
  if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration && statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
  return statement.parent.type === AST_NODE_TYPES.Program ? statement : undefined;
}

/** A named function's text (`text`: with its inner edits) under the name `name`. */
export function renamedText(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression, text: string, name: string): string {
  const id = fn.id as TSESTree.Identifier;
  return text.slice(0, id.range[0] - fn.range[0]) + name + text.slice(id.range[1] - fn.range[0]);
}

/** Why the function cannot move out of its export site, if it cannot. */
export function movingProblem(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  if (fn.generator) return 'it is a generator';
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && usesOwnThis(fn, sourceCode)) return 'it uses `this`, which its calls through `exports` set';
  return undefined;
}

function usesOwnThis(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.getTokens(fn).some((token) => {
    if (token.type !== AST_TOKEN_TYPES.Keyword || token.value !== 'this') return false;
    let node: TSESTree.Node | null = sourceCode.getNodeByRangeIndex(token.range[0]);
    while (node !== null && node !== fn && !(isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression)) node = node.parent ?? null;
    return node === fn;
  });
}

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof ' +
    'new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval')
    .split(' '),
);

/** A name for the moved function that nothing in the file uses yet: its own name, the exported name, or the file's. */
export function movedName(fn: FunctionNode, site: ExportSite, file: string, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const own = fn.type === AST_NODE_TYPES.FunctionExpression && fn.id !== null ? fn.id.name : undefined;
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  const fromFile = base === 'index' ? path.basename(path.dirname(file)) : base;
  const camel = fromFile.replace(/[^A-Za-z0-9_$]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase());
  const preferred = site.name === 'default' ? camel : site.name;
  const candidates = [own, preferred].filter((name): name is string => name !== undefined && /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name));
  const taken = namesInUse(fn, sourceCode);
  return candidates.find((name) => !taken.has(name)) ?? freeAsyncName(candidates[0] ?? 'converted', taken);
}

/** `fAsync` for `export function f`, or with a number when the file uses that name. */
export function asyncName(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return freeAsyncName(fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id !== null ? fn.id.name : 'converted', namesInUse(fn, sourceCode));
}

/** `baseAsync`, `baseAsync2`, …: the first one not taken. */
function freeAsyncName(base: string, taken: ReadonlySet<string>): string {
  for (let suffix = 1; ; suffix += 1) {
    const name = `${base}Async${suffix === 1 ? '' : suffix}`;
    if (!taken.has(name)) return name;
  }
}

/** Every variable name of the file's scopes and every global it reads, but the function's own name. */
function namesInUse(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const taken = new Set<string>();
  const scopes = sourceCode.scopeManager?.scopes ?? [];
  for (const scope of scopes) {
    if (scope.type === ScopeType.functionExpressionName && scope.block === fn) continue;
    for (const variable of scope.variables) taken.add(variable.name);
  }
  for (const reference of sourceCode.scopeManager?.globalScope?.through ?? []) taken.add(reference.identifier.name);
  return taken;
}

/**
 * The edit moving the converted function before `statement` as a
 * declaration named `name`; `text` is the function's text with the edits
 * inside its body applied. The export site is left for the adapter.
 */
export function moveEdit(fn: FunctionNode, text: string, name: string, statement: TSESTree.ExpressionStatement, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit {
  let declaration: string;
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    declaration = `const ${name} = ${text};`;
  } else if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id !== null) {
    declaration = renamedText(fn, text, name);
  } else {
    const keyword = sourceCode.getTokens(fn).find((token) => token.type === AST_TOKEN_TYPES.Keyword && token.value === 'function') as TSESTree.Token;
    const at = keyword.range[1] - fn.range[0];
    declaration = `${text.slice(0, at)} ${name}${text.slice(at).replace(/^\s*/, '')}`;
  }
  return { range: [statement.range[0], statement.range[0]], text: `${declaration}\n\n` };
}
