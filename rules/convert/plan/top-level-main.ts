import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { analyseProgramFile } from '../program/analyse-file';
import type { ProgramFile } from '../program/program';
import { hasMultilineToken, reindent } from '../text/layout';
import { isAwaitableCall, listensForUncaught, type CalleeLookup } from './awaitable-call';

export interface WrappedMain {
  readonly text: string;
  /** The wrapper's name (`main`, or a free variant). */
  readonly name: string;
  /** Where the call now stands, to tell from the report whether it converted. */
  readonly line: number;
  readonly callee: string;
}

/**
 * A script whose last statement calls a converted function with a
 * callback literal (the top of a pyramid) can only await it inside a
 * function: the statement moves into `async function main() {…}` followed
 * by `main();`. An error that ended the script as an uncaught exception now
 * ends it as an unhandled rejection: same exit code, same stdout, and the
 * error printed on stderr. Not where the script listens for either event.
 */
export function wrapInMain(file: ProgramFile, callees: CalleeLookup): WrappedMain | undefined {
  if (listensForUncaught(file.sourceCode.text)) return undefined;
  const body = file.sourceCode.ast.body;
  const last = body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement || !isAwaitableCall(last.expression, callees)) return undefined;
  const call: TSESTree.CallExpression = last.expression;
  const sourceCode = file.sourceCode;
  const text = sourceCode.text;
  const names = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) names.add(variable.name);
    for (const reference of scope.references) names.add(reference.identifier.name);
  }
  const name = ['main', 'runMain', 'main2', 'main3'].find((candidate) => !names.has(candidate));
  if (name === undefined || hasMultilineToken(sourceCode, last.range)) return undefined;
  const lineStart = text.lastIndexOf('\n', last.range[0] - 1) + 1;
  if (text.slice(lineStart, last.range[0]).trim() !== '') return undefined;
  const indent = text.slice(lineStart, last.range[0]);
  const semi = text.slice(last.range[1] - 1, last.range[1]) === ';' ? ';' : '';
  const inner = reindent(text.slice(last.range[0], last.range[1]), indent, `${indent}  `);
  const wrapped = `${indent}async function ${name}() {\n${indent}  ${inner}\n${indent}}\n\n${indent}${name}()${semi}`;
  return {
    text: text.slice(0, lineStart) + wrapped + text.slice(last.range[1]),
    name,
    line: last.loc.start.line + 1,
    callee: sourceCode.getText(call.callee).replace(/\s+/g, ''),
  };
}

/**
 * In an ES module that no file of the program imports (an entry script),
 * the converted `async function main() {…}` + `main();` unwrapped into
 * top-level `await`s, as a person writes it there. Undefined when the body
 * cannot stand at the top level (a `return`: the result would not parse).
 */
export function unwrapMain(filePath: string, text: string, name: string): string | undefined {
  const parsed = analyseProgramFile(filePath, text);
  if (typeof parsed === 'string' || !parsed.module) return undefined;
  const body = parsed.sourceCode.ast.body;
  const index = body.findIndex((statement) => statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id?.name === name && statement.async);
  const declaration = body[index];
  const call = body[index + 1];
  if (declaration?.type !== AST_NODE_TYPES.FunctionDeclaration || call?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = call.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.callee.type !== AST_NODE_TYPES.Identifier || expression.callee.name !== name || expression.arguments.length > 0) return undefined;
  const inner = declaration.body.body;
  const first = inner[0];
  const lastInner = inner.at(-1);
  if (first === undefined || lastInner === undefined || hasMultilineToken(parsed.sourceCode, declaration.body.range)) return undefined;
  const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
  const indent = text.slice(lineStart, first.range[0]);
  const outer = indent.replace(/ {2}$/, '');
  const unwrapped = reindent(text.slice(first.range[0], lastInner.range[1]), indent, outer);
  const result = text.slice(0, declaration.range[0]) + unwrapped + text.slice(call.range[1]);
  return typeof analyseProgramFile(filePath, result) === 'string' ? undefined : result;
}
