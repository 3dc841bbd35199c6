import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../shared/async-context';
import { isStatementCall } from './leaves';

/**
 * A named inner function a callback loop goes round through: it is started
 * once and calls itself again from its continuations, and finishes the
 * outer contract by calling its callback.
 *
 *   function next() { if (i === list.length) return cb(null, out); api(list[i++], (err) => { …; next(); }); }
 *   next();
 *
 *   (function step(i) { …; api(…, (err) => { …; step(i + 1); }); })(0);
 */
export interface StepFunction {
  readonly fn: FunctionNode;
  /** Every call of it: the start(s) and the calls that go round again. */
  readonly calls: readonly TSESTree.CallExpression[];
}

/**
 * `fn` as a step function: a named declaration or immediately called named
 * function expression, not async, whose name is only ever called as a
 * statement (`next();`, `return next();`). A string says what breaks it;
 * `undefined` when `fn` is no such function at all.
 */
export function stepFunction(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): StepFunction | string | undefined {
  if (fn.async || fn.generator || fn.id == null) return undefined;
  const name = fn.id.name;
  const immediate = fn.type === AST_NODE_TYPES.FunctionExpression && fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.callee === fn ? fn.parent : undefined;
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && immediate === undefined) return undefined;
  const calls: TSESTree.CallExpression[] = immediate === undefined ? [] : [immediate];
  for (const variable of sourceCode.scopeManager?.getDeclaredVariables(fn) ?? []) {
    if (variable.name !== name) continue;
    for (const reference of variable.references) {
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return `passes on \`${name}\` at line ${reference.identifier.loc.start.line}, so it may run from elsewhere`;
      calls.push(call);
    }
  }
  for (const call of calls) {
    if (!isStatementCall(call)) return `uses the value of \`${name}(…)\` at line ${call.loc.start.line}`;
    if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return `spreads the arguments of \`${name}(…)\` at line ${call.loc.start.line}`;
  }
  return { fn, calls };
}

/** Whether `node` lies inside `fn` (its parameters or body). */
export function isInside(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  return node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1] && node !== fn;
}
