import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { SYNC_CALLBACK_METHODS } from '../knowledge/callback-apis';
import { calleeName } from './callee-name';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/** Where a node runs, as far as blocking is concerned. */
export interface AsyncContext {
  /** The nearest enclosing `async` function. */
  readonly asyncFunction: FunctionNode;
  /** The synchronous callbacks between the node and that function (innermost first). */
  readonly viaCallbacks: readonly FunctionNode[];
}

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * The async function a node runs in: its own enclosing function when that
 * is `async`, or the async function around a chain of synchronous callbacks
 * (`arr.forEach(f => …)`, a `new Promise` executor) that run while it runs.
 * Any other function boundary (a plain function, a timer or event callback)
 * ends the search: that code runs at some other time.
 */
/** The innermost function around a node (arrows included), if any. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current != null; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

export function findAsyncContext(node: TSESTree.Node): AsyncContext | undefined {
  const viaCallbacks: FunctionNode[] = [];
  for (let current = node.parent; current != null; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    if (current.async) return { asyncFunction: current, viaCallbacks };
    if (!isSynchronousCallback(current)) return undefined;
    viaCallbacks.push(current);
  }
  return undefined;
}

/** A function literal passed to a callee that invokes it before returning. */
export function isSynchronousCallback(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.NewExpression) {
    return parent.arguments[0] === fn && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise';
  }
  if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.some((argument) => argument === fn)) return false;
  const name = calleeName(parent.callee);
  return name !== undefined && SYNC_CALLBACK_METHODS.has(name);
}

/** A readable name for a function, for messages: `load`, `Server.handle`, or undefined. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    !parent.computed &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.key.name;
  }
  return undefined;
}
