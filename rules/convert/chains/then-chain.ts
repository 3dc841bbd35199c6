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
 * of either path). Links without a handler are left out. A longer chain
 * (`.catch(a).catch(b)`, `.then(a, b).catch(c)`) keeps its inner part as
 * the base: `try { await p.catch(a) } catch { … }`, whose awaited chain
 * converts in turn.
 */
export function parseThenChain(outermost: TSESTree.CallExpression): ThenChain | Refused {
  // Outermost first; `undefined` handler: a link that passes the value through.
  const links: { method: 'then' | 'catch' | 'finally'; call: TSESTree.CallExpression; handler: Handler | undefined }[] = [];
  let current: TSESTree.Expression = outermost;
  for (;;) {
    if (current.type !== AST_NODE_TYPES.CallExpression) break;
    const method = chainMethodOf(current);
    if (method === undefined) break;
    const link = linkOf(current, method);
    if (link === undefined) break;
    links.push(link);
    current = (current.callee as TSESTree.MemberExpression).object;
  }
  // The longest outer part with a try/catch/finally layout; what is inside it is the base.
  for (let count = links.length; count > 0; count -= 1) {
    const outer = links.slice(0, count).reverse();
    const base = count === links.length ? current : (links[count]?.call ?? current);
    const chain = layered(base, outer);
    if (chain !== undefined) return chain;
  }
  return refuse('chain-shape');
}

function linkOf(call: TSESTree.CallExpression, method: 'then' | 'catch' | 'finally'): { method: 'then' | 'catch' | 'finally'; call: TSESTree.CallExpression; handler: Handler | undefined } | undefined {
  const [first, second, ...others] = call.arguments;
  // `.then()`, `.catch(undefined)`, `.finally(null)`: the value passes through, as if the link were not there.
  if (others.length === 0 && call.arguments.every(isNullish)) return { method, call, handler: undefined };
  // `.then(null, onRejected)` is `.catch(onRejected)`.
  const asCatch = method === 'then' && second !== undefined && first !== undefined && isNullish(first);
  const handler = asCatch ? second : first;
  if (others.length > 0 || (second !== undefined && !asCatch) || handler === undefined || !isHandler(handler)) return undefined;
  return { method: asCatch ? 'catch' : method, call, handler };
}

/** Links innermost first, as `thens`, one `catch`, one `finally`, `after`; undefined for another order. */
function layered(base: TSESTree.Expression, links: readonly { method: 'then' | 'catch' | 'finally'; call: TSESTree.CallExpression; handler: Handler | undefined }[]): ThenChain | undefined {
  const thens: ChainLink[] = [];
  const after: ChainLink[] = [];
  let catchLink: ChainLink | undefined;
  let finallyLink: ChainLink | undefined;
  let passThrough = false;
  for (const { method, call, handler } of links) {
    if (handler === undefined) {
      passThrough = true;
      continue;
    }
    const link: ChainLink = { method, call, handler };
    if (method === 'then') {
      (catchLink === undefined && finallyLink === undefined ? thens : after).push(link);
    } else if (after.length > 0 || finallyLink !== undefined || (method === 'catch' && catchLink !== undefined)) {
      return undefined;
    } else if (method === 'catch') {
      catchLink = link;
    } else {
      finallyLink = link;
    }
  }
  // Only links that pass the value through, around an inner chain: nothing would change.
  const innerChain = base.type === AST_NODE_TYPES.CallExpression && chainMethodOf(base) !== undefined;
  if (thens.length === 0 && catchLink === undefined && finallyLink === undefined && (!passThrough || innerChain)) return undefined;
  return { base, thens, catchLink, finallyLink, after };
}

/** The promise a chain starts from: `p` of `p.then(a).catch(b)`. */
export function chainRoot(expression: TSESTree.Expression): TSESTree.Expression {
  let root = expression;
  while (root.type === AST_NODE_TYPES.CallExpression && chainMethodOf(root) !== undefined) root = (root.callee as TSESTree.MemberExpression).object;
  return root;
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
