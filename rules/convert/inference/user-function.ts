import { declaredFunction } from '../../shared/declared-function';
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { NodeApi } from '../../knowledge/node-apis';
import { isFunctionNode, type FunctionNode } from '../../shared/async-context';
import { continuationOwner } from './continuation';
import { resolveApi } from './detect';

/** Verdicts per function node, so a file's callers share one analysis. */
const verdicts = new WeakMap<FunctionNode, boolean>();

/**
 * The knowledge-table shape of a same-file function `f(…, cb)` that calls
 * `cb` at most once, error first, with at most one result: its callers may
 * await `promisify(f)(…)`. Undefined when that cannot be shown.
 */
export function userErrorFirstApi(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): NodeApi | undefined {
  if (call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const fn = declaredFunction(call.callee, sourceCode);
  if (fn === undefined || fn.params.length !== call.arguments.length) return undefined;
  let verdict = verdicts.get(fn);
  if (verdict === undefined) {
    verdict = callsBackOnce(fn, sourceCode, services);
    verdicts.set(fn, verdict);
  }
  return verdict ? { module: '', name: call.callee.name, kind: 'error-first', result: { kind: 'single' }, promise: { kind: 'promisify' } } : undefined;
}

/**
 * Every use of the last parameter is a call in terminal position (`return
 * cb(…)`, or the last thing done) of a callback that a known API calls once,
 * asynchronously, itself in terminal position; no call passes more than one
 * result. A direct call in the function's body would call back
 * synchronously, which `await` would turn asynchronous.
 */
function callsBackOnce(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>, services: ParserServicesWithTypeInformation | undefined): boolean {
  if (fn.async || fn.generator) return false;
  const last = fn.params.at(-1);
  if (last?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.scopeManager?.acquire(fn, true)?.set.get(last.name);
  if (variable === undefined || variable.references.length === 0) return false;
  return variable.references.every((reference) => {
    const identifier = reference.identifier;
    const call = identifier.parent;
    if (reference.isWrite() || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return false;
    if (call.arguments.length > 2 || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
    return isTerminal(call, fn, sourceCode, services, false);
  });
}

function isTerminal(
  call: TSESTree.CallExpression,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
  inFunctionBody: boolean,
): boolean {
  let statement: TSESTree.Node = call.parent;
  if (statement.type === AST_NODE_TYPES.UnaryExpression && statement.operator === 'void') statement = statement.parent;
  let enclosing: FunctionNode | undefined;
  if (statement.type === AST_NODE_TYPES.ReturnStatement) {
    enclosing = enclosingFunctionOutsideTry(statement);
  } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    const owner = continuationOwner(statement);
    enclosing = 'kind' in owner ? undefined : owner;
  } else if (statement.type === AST_NODE_TYPES.ArrowFunctionExpression && statement.body === call) {
    enclosing = statement;
  }
  if (enclosing === undefined) return false;
  // The callback itself called in the function's own body would run synchronously: awaiting it would reorder the caller.
  if (enclosing === fn) return inFunctionBody;
  return isCalledOnceInTerminalPosition(enclosing, fn, sourceCode, services);
}

/** An inline callback of a known once-calling API, whose call is itself terminal. */
function isCalledOnceInTerminalPosition(callback: FunctionNode, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>, services: ParserServicesWithTypeInformation | undefined): boolean {
  const apiCall = callback.parent;
  if (apiCall?.type !== AST_NODE_TYPES.CallExpression || !apiCall.arguments.includes(callback as TSESTree.CallExpressionArgument)) return false;
  const api = resolveApi(apiCall.callee, sourceCode, services);
  const once = (api?.kind === 'error-first' && apiCall.arguments.at(-1) === callback) || (api?.callbackFirst === true && apiCall.arguments[0] === callback);
  return once && isTerminal(apiCall, fn, sourceCode, services, true);
}

function enclosingFunctionOutsideTry(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunctionNode(current)) return current;
    // In a try block, a throwing callback would be called again from the catch; a finally runs after it.
    if (current.type === AST_NODE_TYPES.BlockStatement && current.parent.type === AST_NODE_TYPES.TryStatement && current.parent.block === current) return undefined;
    if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer !== null) return undefined;
  }
  return undefined;
}
