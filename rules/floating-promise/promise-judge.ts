import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { PROMISE_ARRAY_METHODS } from '../knowledge/callback-apis';
import { isFunctionNode } from '../shared/async-context';
import { calleeName } from '../shared/callee-name';
import { getPromiseDetector, skipTypeWrappers, type PromiseDetector } from '../shared/promise-detection';
import { createNeverRejectsCheck } from './never-rejects';
import { createSelfHandledCheck } from './self-handled';
import { callbackVerdictOf, contextExpectsThenable, thenableArrayVerdictOf, thenableVerdictOf } from '../shared/promise-types';

/** What `no-floating-promise` asks about values and callbacks, with the checker when there is one. */
export interface PromiseJudge {
  readonly services: ParserServicesWithTypeInformation | undefined;
  readonly detector: PromiseDetector;
  /** The value of `node` is a promise. */
  isPromiseValue(node: TSESTree.Node): boolean;
  /** `[fetch(a), fetch(b)]`, `xs.map(async …)`: an array whose elements are promises. */
  isPromiseArray(node: TSESTree.Node): boolean;
  /** Calling the callback returns a promise. */
  returnsPromise(callback: TSESTree.Node): boolean;
  /** A promise-returning callback passed where the callee ignores what it returns. */
  isIgnoredAsyncCallback(callback: TSESTree.Node): boolean;
  /** A function (or a local name of one) that catches its own errors: its promise cannot reject (see self-handled.ts). */
  catchesOwnErrors(fn: TSESTree.Node): boolean;
  /** A `.then`/`.finally` chain on a promise of this file that can only resolve (see never-rejects.ts). */
  chainNeverRejects(call: TSESTree.CallExpression): boolean;
}

export function createPromiseJudge(sourceCode: Readonly<TSESLint.SourceCode>, services: ParserServicesWithTypeInformation | undefined): PromiseJudge {
  const detector = getPromiseDetector(sourceCode);
  const catchesOwnErrors = createSelfHandledCheck(detector, sourceCode, (node) => isPromiseValue(node));
  const chainNeverRejects = createNeverRejectsCheck(sourceCode, detector);

  /** Syntactic knowledge first (free); the checker only for expressions that could hold a promise. */
  function isPromiseValue(node: TSESTree.Node): boolean {
    const value = unwrapChain(skipTypeWrappers(node));
    if (services !== undefined && mayHoldValueOfCall(value)) {
      const verdict = thenableVerdictOf(value, services);
      if (verdict !== 'unknown') return verdict === 'thenable';
    }
    return detector.isPromise(value);
  }

  function isPromiseArray(node: TSESTree.Node): boolean {
    if (services !== undefined) {
      const verdict = thenableArrayVerdictOf(node, services);
      if (verdict !== 'unknown') return verdict === 'thenable';
    }
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      return node.elements.some((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && detector.isPromise(element));
    }
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const mapper = node.arguments[0];
    return PROMISE_ARRAY_METHODS.has(calleeName(node.callee) ?? '') && mapper !== undefined && isCallbackCandidate(mapper) && returnsPromise(mapper);
  }

  function isIgnoredAsyncCallback(callback: TSESTree.Node): boolean {
    if (!isCallbackCandidate(callback) || !returnsPromise(callback) || catchesOwnErrors(callback)) return false;
    // An API that declares it takes promise-returning callbacks (`() => Promise<void> | void`) handles them.
    return services === undefined || !contextExpectsThenable(callback, services);
  }

  function returnsPromise(callback: TSESTree.Node): boolean {
    const fn = skipTypeWrappers(callback);
    if (isFunctionNode(fn) && fn.async) return !fn.generator;
    if (services !== undefined && (isFunctionNode(fn) || fn.type === AST_NODE_TYPES.Identifier || fn.type === AST_NODE_TYPES.MemberExpression)) {
      const verdict = callbackVerdictOf(fn, services);
      if (verdict !== 'unknown') return verdict === 'thenable';
    }
    return isFunctionNode(fn) ? detector.functionReturnsPromise(fn) : detector.callReturnsPromise(fn);
  }

  return { services, detector, isPromiseValue, isPromiseArray, returnsPromise, isIgnoredAsyncCallback, catchesOwnErrors, chainNeverRejects };
}

export function unwrapChain(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
}

/** A function, or a name that may hold one. */
export function isCallbackCandidate(node: TSESTree.Node): boolean {
  return isFunctionNode(node) || node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression;
}

/** Expressions the checker is asked about: those that can produce a promise at all. */
function mayHoldValueOfCall(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.TaggedTemplateExpression ||
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.MemberExpression
  );
}

/** `p` in `p.then(…)`; the callee itself for a plain call. */
export function receiverOf(call: TSESTree.CallExpression): TSESTree.Node {
  return call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
}
