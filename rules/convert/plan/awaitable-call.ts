import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { NodeApi } from '../../knowledge/node-apis';
import type { RefusalReason } from '../refusal-reasons';

/** Calls of the program's contract functions in one text, by `start:end` range (convert-program.ts's `calleesFor`). */
export type CalleeLookup = ReadonlyMap<string, NodeApi | RefusalReason>;

/** A call of a contract function with an inline callback: inside an async function it becomes an `await`. */
export function isAwaitableCall(node: TSESTree.Node, callees: CalleeLookup): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callback = node.arguments.at(-1);
  const inline = callback?.type === AST_NODE_TYPES.ArrowFunctionExpression || callback?.type === AST_NODE_TYPES.FunctionExpression;
  return inline && typeof callees.get(`${node.range[0]}:${node.range[1]}`) === 'object';
}

/**
 * Whether the script listens for errors nothing caught: an error thrown in
 * a callback reached it as an uncaught exception, and would reach it as a
 * rejection once the callback's body runs in an async function.
 */
export function listensForUncaught(text: string): boolean {
  return /\b(?:uncaughtException|unhandledRejection|uncaughtExceptionMonitor)\b/.test(text);
}
