import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import type { NodeApi } from '../../knowledge/node-apis';
import type { FunctionNode } from '../../shared/async-context';
import type { FunctionIndex } from '../program/function-index';
import type { ProgramFile } from '../program/program';
import { resolveApi } from './detect';
import { arityFits } from './optional-arguments';

/** A callee that calls the function handed to it exactly once, later. */
export type Leaf =
  /** An error-first API of the knowledge table, the callback last. */
  | { readonly kind: 'api'; readonly api: NodeApi }
  /** `setTimeout(fn, ms)`, `setImmediate(fn)`, `process.nextTick(fn)`: called once, with no error. */
  | { readonly kind: 'timer'; readonly api: NodeApi }
  /** A function of the program with an error-first contract (assumed while contracts are inferred). */
  | { readonly kind: 'contract'; readonly fn: FunctionNode }
  /** `promise.then(onValue, onError)`: exactly one of the two runs, once, later. */
  | { readonly kind: 'promise' }
  /** `fs.exists(p, fn)`: called once, later, with one value and never an error. */
  | { readonly kind: 'value'; readonly api: NodeApi };

const TIMERS = new Set(['setTimeout', 'setImmediate', 'process.nextTick']);

/**
 * What the callee of `call` does with its argument at `index`, when it is
 * known to call it exactly once, asynchronously. A call whose value is used
 * (a timer handle that may be cleared) is no leaf.
 */
export function leafOf(
  call: TSESTree.CallExpression,
  index: number,
  file: ProgramFile,
  functions: FunctionIndex,
  isContract: (fn: FunctionNode) => boolean,
  services: ParserServicesWithTypeInformation | undefined,
): Leaf | undefined {
  if (!isStatementCall(call) || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  if (isSettledThen(call)) return { kind: 'promise' };
  const last = index === call.arguments.length - 1;
  const api = resolveApi(call.callee, file.sourceCode, services);
  if (api !== undefined) {
    if (api.kind === 'error-first' && api.callbackFirst !== true && last) return { kind: 'api', api };
    if (api.kind === 'plain-callback' && api.promise?.kind === 'resolver' && last) return { kind: 'value', api };
    if (api.module === '' || api.module === 'timers') if (TIMERS.has(api.name) && index === 0) return { kind: 'timer', api };
    return undefined;
  }
  const fn = functions.resolve(call.callee, file);
  if (fn !== undefined && isContract(fn) && last && arityFits(fn, call)) return { kind: 'contract', fn };
  return undefined;
}

/** `f(…);` or `return f(…);` (also `void f(…)` and the body of an arrow): nobody keeps what it returns. */
export function isStatementCall(call: TSESTree.CallExpression): boolean {
  let parent: TSESTree.Node = call.parent;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') parent = parent.parent;
  return (
    parent.type === AST_NODE_TYPES.ExpressionStatement ||
    parent.type === AST_NODE_TYPES.ReturnStatement ||
    (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === call)
  );
}

/** `p.then(onValue, onError)` with both handlers given: one of them runs, once, in a later microtask. */
export function isSettledThen(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'then' &&
    call.arguments.length === 2
  );
}
