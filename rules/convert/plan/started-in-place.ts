import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { ProgramFile } from '../program/program';
import { hasMultilineToken, indentationAt, indentUnit, reindent, startsLine } from '../text/layout';
import type { TextEdit } from '../types';
import { isAwaitableCall, type CalleeLookup } from './awaitable-call';

/**
 * Top-level statements calling a contract function with a callback literal,
 * other than the last one (wrap-in-main's), each wrapped in an arrow
 * called where the statement stood: `(() => {\n  f(x, (err, v) => …);\n})();`.
 * The conversion then makes the arrow async and awaits the call. Started in
 * place, it runs synchronously up to its first `await` (the call), as the
 * callback version ran up to the call, so the statements after it still run
 * after the call starts and before its result comes.
 */
export function startInPlaceEdits(file: ProgramFile, callees: CalleeLookup): TextEdit[] {
  const sourceCode = file.sourceCode;
  const text = sourceCode.text;
  const body = sourceCode.ast.body;
  const edits: TextEdit[] = [];
  for (const [index, statement] of body.slice(0, -1).entries()) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !isAwaitableCall(statement.expression, callees)) continue;
    if (!startsLine(text, statement.range[0]) || hasMultilineToken(sourceCode, statement.range)) continue;
    const indent = indentationAt(text, statement.range[0]);
    const unit = bodyIndentUnit(statement.expression, text, indent);
    const semi = text.slice(statement.range[1] - 1, statement.range[1]) === ';' ? ';' : '';
    const guard = needsSemicolonBefore(body[index - 1], sourceCode.getTokenBefore(statement)) ? ';' : '';
    const inner = reindent(sourceCode.getText(statement), indent, indent + unit);
    edits.push({ range: statement.range, text: `${guard}(() => {\n${indent}${unit}${inner}\n${indent}})()${semi}` });
  }
  return edits;
}

/** The file's indentation step, as the call's callback shows it (two spaces when it does not). */
export function bodyIndentUnit(call: TSESTree.CallExpression, text: string, indent: string): string {
  const callback = call.arguments.at(-1);
  const first = callback !== undefined && 'body' in callback && callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body.body[0] : undefined;
  return first === undefined || !startsLine(text, first.range[0]) ? '  ' : indentUnit(indent, indentationAt(text, first.range[0]));
}

/**
 * Without semicolons, a line starting with `(` continues the statement
 * before it: `;(…)()` unless that statement ended with `;` or a
 * declaration's closing brace.
 */
function needsSemicolonBefore(previous: TSESTree.ProgramStatement | undefined, token: TSESTree.Token | null): boolean {
  if (previous === undefined || token === null || token.value === ';') return false;
  return previous.type !== AST_NODE_TYPES.FunctionDeclaration && previous.type !== AST_NODE_TYPES.ClassDeclaration;
}
