import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../../shared/module-references';
import { refuse, type Refused } from '../types';

/** A handler written inline, or named: `parse`, `this.parse`. */
export type Handler = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | NamedHandler;
export type NamedHandler = TSESTree.Identifier | ThisMember;
export type ThisMember = TSESTree.MemberExpression & { object: TSESTree.ThisExpression };

export function isNamedHandler(handler: Handler): handler is NamedHandler {
  return handler.type === AST_NODE_TYPES.Identifier || handler.type === AST_NODE_TYPES.MemberExpression;
}

/** One link of `base.then(a).then(b).catch(c).finally(d)`. */
export interface ChainLink {
  readonly method: 'then' | 'catch' | 'finally';
  readonly call: TSESTree.CallExpression;
  readonly handler: Handler;
}

export interface ThenChain {
  readonly base: TSESTree.Expression;
  readonly thens: readonly ChainLink[];
  readonly catchLink: ChainLink | undefined;
  readonly finallyLink: ChainLink | undefined;
  /** `.then`s after the `.catch`/`.finally`: they run on the value of either path. */
  readonly after: readonly ChainLink[];
}

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/** The chain method a call invokes (`p.then(…)` → then), if any. */
export function chainMethodOf(call: TSESTree.CallExpression): 'then' | 'catch' | 'finally' | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || call.optional || call.callee.optional) return undefined;
  const name = staticPropertyName(call.callee);
  return name !== undefined && CHAIN_METHODS.has(name) ? (name as 'then' | 'catch' | 'finally') : undefined;
}

/** Whether the call is the outermost link of a chain (nothing is chained onto it). */
export function isOutermostLink(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return !(parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call && parent.parent.type === AST_NODE_TYPES.CallExpression && chainMethodOf(parent.parent) !== undefined);
}

/**
 * Splits a chain into its base and links. Only shapes with a direct
 * try/catch/finally equivalent: `.then(onFulfilled)`s, then at most one
 * `.catch`, then at most one `.finally`, then `.then`s again (on the value
 * of either path). Links without a handler are left out.
 */
export function parseThenChain(outermost: TSESTree.CallExpression): ThenChain | Refused {
  const links: ChainLink[] = [];
  let passThrough = false;
  let current: TSESTree.Expression = outermost;
  for (;;) {
    if (current.type !== AST_NODE_TYPES.CallExpression) break;
    const method = chainMethodOf(current);
    if (method === undefined) break;
    const [first, second, ...others] = current.arguments;
    if (others.length === 0 && current.arguments.every(isNullish)) {
      // `.then()`, `.catch(undefined)`, `.finally(null)`: the value passes through, as if the link were not there.
      passThrough = true;
      current = (current.callee as TSESTree.MemberExpression).object;
      continue;
    }
    // `.then(null, onRejected)` is `.catch(onRejected)`.
    const asCatch = method === 'then' && second !== undefined && first !== undefined && isNullish(first);
    const handler = asCatch ? second : first;
    if (others.length > 0 || (second !== undefined && !asCatch) || handler === undefined || !isHandler(handler)) return refuse('chain-shape');
    links.unshift({ method: asCatch ? 'catch' : method, call: current, handler });
    current = (current.callee as TSESTree.MemberExpression).object;
  }
  const thens: ChainLink[] = [];
  const after: ChainLink[] = [];
  let catchLink: ChainLink | undefined;
  let finallyLink: ChainLink | undefined;
  for (const link of links) {
    if (link.method === 'then') {
      (catchLink === undefined && finallyLink === undefined ? thens : after).push(link);
    } else if (after.length > 0 || finallyLink !== undefined || (link.method === 'catch' && catchLink !== undefined)) {
      return refuse('chain-shape');
    } else if (link.method === 'catch') {
      catchLink = link;
    } else {
      finallyLink = link;
    }
  }
  if (thens.length === 0 && catchLink === undefined && finallyLink === undefined && !passThrough) return refuse('chain-shape');
  return { base: current, thens, catchLink, finallyLink, after };
}

function isHandler(node: TSESTree.CallExpressionArgument): node is Handler {
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  // `this.parse`, `this.#parse`: whether it is a method that may be called as `this.parse(value)` is checked later.
  if (node.type === AST_NODE_TYPES.MemberExpression) return node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed && !node.optional;
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return false;
  // `([a, b]) => …` becomes `const [a, b] = await …`; a default or rest parameter has no declaration equivalent.
  return !node.generator && node.params.length <= 1 && node.params.every((parameter) => parameter.type === AST_NODE_TYPES.Identifier || parameter.type === AST_NODE_TYPES.ObjectPattern || parameter.type === AST_NODE_TYPES.ArrayPattern);
}

function isNullish(node: TSESTree.CallExpressionArgument): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}
