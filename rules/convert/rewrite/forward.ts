import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { matchCallbackCall } from '../inference/detect';
import { refuse, type Refused, type TextEdit } from '../types';
import type { ChainContext } from './chain-context';
import { outcomeText, type ContractRewrite } from './completion';
import { promiseCallText } from './promise-call';
import { indentationAt } from '../text/layout';

/** `leaf(…, cb)`: the contract's callback handed on whole. */
export function isForward(call: TSESTree.CallExpression, contract: ContractRewrite): boolean {
  return call.arguments.some((argument) => contract.callback.references.some((reference) => reference.identifier === argument));
}

/**
 * The text replacing a forward in continuation position: `return leaf(…)`
 * for an error-first API or a contract of the plan; for a timer,
 * `await setTimeout(ms)` and the outcome it hands over (`process.nextTick`
 * adds nothing an async function does not already do: the caller resumes
 * later anyway). With `asExpression`, the promise alone (an arrow's body).
 */
export function forwardText(
  statement: TSESTree.Node,
  call: TSESTree.CallExpression,
  context: ChainContext,
  edits: readonly TextEdit[],
  asExpression = false,
): string | Refused {
  const contract = context.contract;
  if (contract === undefined) return refuse('callback-not-inline');
  const semi = context.style.semicolon ? ';' : '';
  const args = call.arguments;
  const handed = args.findIndex((argument) => contract.callback.references.some((reference) => reference.identifier === argument));
  const calleeName = context.sourceCode.getText(call.callee).replace(/\s+/g, '');
  if (calleeName === 'process.nextTick' && handed === 0 && !asExpression) return outcomeText(args.slice(1), call, statement, context, edits);
  const match = matchCallbackCall(call, context.sourceCode, context.services);
  const api = match?.api;
  if (match === undefined || api === undefined) return refuse('unknown-api');
  if (api.callbackFirst === true) {
    if (handed !== 0 || asExpression) return refuse('callback-not-inline');
    const delayed = api.name === 'setTimeout' ? args.slice(1, 2) : [];
    const promise = promiseCallText({ ...match, otherArguments: delayed }, api, context);
    if (typeof promise !== 'string') return promise;
    const outcome = outcomeText(args.slice(1 + delayed.length), call, statement, context, edits);
    if (typeof outcome !== 'string') return outcome;
    return `await ${promise}${semi}\n${indentationAt(context.sourceCode.text, statement.range[0])}${outcome}`;
  }
  if (api.kind !== 'error-first' || handed !== args.length - 1) return refuse('callback-not-inline');
  const shape = api.result?.kind ?? 'single';
  if (shape === 'multiple' || shape === 'object') return refuse('multiple-results');
  // The promise is returned as it is: it must resolve to an array exactly when this contract's callers destructure one.
  if ((shape === 'array') !== contract.results > 1) return refuse('multiple-results');
  const promise = promiseCallText(match, api, context);
  if (typeof promise !== 'string') return promise;
  if (asExpression) return promise;
  return statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ExpressionStatement ? `return ${promise}${semi}` : refuse('result-used');
}

/**
 * `(err, q, r) => cb(err, q, r)` where the callee resolves to `[q, r]`:
 * every result handed on as it came, so the callee's promise is the outcome.
 */
export function handsOnAsItCame(parameters: readonly TSESTree.Parameter[], completion: TSESTree.CallExpression, count: number): boolean {
  const args = completion.arguments;
  return (
    parameters.length === count + 1 &&
    args.length === parameters.length &&
    parameters.every((parameter, index) => {
      const argument = args[index];
      return parameter.type === AST_NODE_TYPES.Identifier && argument?.type === AST_NODE_TYPES.Identifier && argument.name === parameter.name;
    })
  );
}
