import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getModuleStyle } from '../../shared/module-style';
import type { ProgramFile } from '../program/program';
import { hasMultilineToken, indentationAt, reindent } from '../text/layout';
import type { TextEdit } from '../types';
import { isAwaitableCall, type CalleeLookup } from './awaitable-call';
import { bodyIndentUnit } from './started-in-place';

/** Global timers that call their callback once and ignore what it returns. */
const ONCE_TIMERS: ReadonlySet<string> = new Set(['setTimeout', 'setImmediate']);

/**
 * `setTimeout(() => f(x, (err, v) => …), ms)`: an arrow whose expression is a
 * call of a contract function cannot await it. Written with a block body,
 * `setTimeout(() => {\n  f(x, (err, v) => …);\n}, ms)`, the conversion makes
 * it async. The timer ignored the arrow's value, and ignores the promise.
 */
export function timerArrowEdits(file: ProgramFile, callees: CalleeLookup): TextEdit[] {
  const sourceCode = file.sourceCode;
  const text = sourceCode.text;
  const semi = getModuleStyle(sourceCode).semicolon ? ';' : '';
  const edits: TextEdit[] = [];
  for (const fn of file.record.functions) {
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression || fn.async || fn.params.length > 0 || !isAwaitableCall(fn.body, callees)) continue;
    const call = fn.body;
    if (!isOnceTimerCallback(fn, sourceCode) || sourceCode.getTokenBefore(call)?.value !== '=>' || hasMultilineToken(sourceCode, call.range)) continue;
    const indent = indentationAt(text, fn.range[0]);
    const unit = bodyIndentUnit(call, text, indent);
    const inner = reindent(sourceCode.getText(call), indent, indent + unit);
    edits.push({ range: call.range, text: `{\n${indent}${unit}${inner}${semi}\n${indent}}` });
  }
  return edits;
}

/** The first argument of `setTimeout`/`setImmediate`, the globals (no local binding of that name). */
export function isOnceTimerCallback(fn: TSESTree.ArrowFunctionExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn || call.callee.type !== AST_NODE_TYPES.Identifier || !ONCE_TIMERS.has(call.callee.name)) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(call), call.callee.name);
  return variable === null || variable.defs.length === 0;
}
