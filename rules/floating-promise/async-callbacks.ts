import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { DEFERRED_CALLBACK_FUNCTIONS, EVENT_METHODS, RETURN_IGNORING_ITERATION_METHODS, TIMER_FUNCTIONS, TIMER_MODULES } from '../knowledge/callback-apis';
import { canonicalMember } from '../knowledge/lookup';
import { isFunctionNode } from '../shared/async-context';
import { calleeName } from '../shared/callee-name';
import { resolveModuleMember } from '../shared/module-references';
import { isGlobalReference } from '../shared/promise-detection';
import { asRewritableForEach, forOfRewrite, promiseAllRewrite } from './for-each-rewrite';
import { isCallbackCandidate, type PromiseJudge } from './promise-judge';

type AsyncCallbackMessageId = 'asyncExecutor' | 'asyncForEach' | 'asyncListener' | 'asyncTimer' | 'forOfAwait' | 'promiseAllMap';

interface Reporter {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  report(descriptor: TSESLint.ReportDescriptor<AsyncCallbackMessageId>): void;
}

const DEFERRED_CALLBACK_LAST_NAMES: ReadonlySet<string> = new Set([...DEFERRED_CALLBACK_FUNCTIONS].map((name) => name.slice(name.lastIndexOf('.') + 1)));

/**
 * Async callbacks whose caller ignores the promise they return: an `async`
 * `new Promise` executor, `forEach(async …)`, an async event listener, an
 * async timer callback. Returns the arguments it judged (all of a known
 * callback-ignoring API's), which the void-return check leaves alone.
 */
export function createAsyncCallbackCheck(
  context: Reporter,
  judge: PromiseJudge,
): (call: TSESTree.CallExpression | TSESTree.NewExpression) => ReadonlySet<TSESTree.Node> {
  const { sourceCode } = context;
  const { services } = judge;

  /** `setTimeout`, `timers.setImmediate`, `process.nextTick` (the real ones), as written; else undefined. */
  function deferringFunctionName(callee: TSESTree.Expression): string | undefined {
    const last = calleeName(callee);
    if (last === undefined || !(TIMER_FUNCTIONS.has(last) || DEFERRED_CALLBACK_LAST_NAMES.has(last))) {
      return undefined;
    }
    const member = resolveModuleMember(callee, sourceCode);
    const canonical = member === undefined ? undefined : canonicalMember(member);
    if (canonical === undefined) return undefined;
    const known =
      (TIMER_MODULES.has(canonical.module) && TIMER_FUNCTIONS.has(canonical.name)) ||
      DEFERRED_CALLBACK_FUNCTIONS.has(canonical.module === '' ? canonical.name : `${canonical.module}.${canonical.name}`);
    return known ? sourceCode.getText(callee).replace(/\s+/g, '') : undefined;
  }

  function reportForEach(call: TSESTree.CallExpression, callback: TSESTree.Node, method: string): void {
    const suggest: TSESLint.SuggestionReportDescriptor<AsyncCallbackMessageId>[] = [];
    const target = asRewritableForEach(call);
    if (target !== undefined && target.callback === callback && receiverIsArrayLike(target.callee.object)) {
      const forOf = forOfRewrite(sourceCode, target);
      if (forOf !== undefined) suggest.push({ messageId: 'forOfAwait', fix: forOf });
      const all = receiverIsArrayLike(target.callee.object, true) ? promiseAllRewrite(sourceCode, target) : undefined;
      if (all !== undefined) suggest.push({ messageId: 'promiseAllMap', fix: all });
    }
    context.report({ node: callback, messageId: 'asyncForEach', data: { method }, suggest });
  }

  /**
   * Both rewrites assume the receiver iterates like an array (`Map#forEach`
   * passes values but `for…of` gives entries; only arrays have `map`). Without
   * types that is assumed; with types it is checked.
   */
  function receiverIsArrayLike(receiver: TSESTree.Node, needsMap = false): boolean {
    if (services === undefined) return true;
    const checker = services.program.getTypeChecker();
    const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(receiver));
    if ((type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0) return true;
    if (checker.isArrayType(type) || checker.isTupleType(type)) return true;
    if (needsMap) return false;
    const symbolName = type.getSymbol()?.getName();
    return symbolName === 'Set' || symbolName === 'ReadonlySet';
  }

  return (call) => {
    if (call.type === AST_NODE_TYPES.NewExpression) {
      const executor = call.arguments[0];
      if (executor !== undefined && isFunctionNode(executor) && executor.async && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'Promise' && isGlobalReference(call.callee, sourceCode)) {
        context.report({ node: executor, messageId: 'asyncExecutor' });
        return new Set([executor]);
      }
      return NONE;
    }
    if (!call.arguments.some(isCallbackCandidate)) return NONE;
    const method = calleeName(call.callee);
    if (method === undefined) return NONE;
    if (RETURN_IGNORING_ITERATION_METHODS.has(method) && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      const callback = call.arguments[0];
      if (callback !== undefined && judge.isIgnoredAsyncCallback(callback)) reportForEach(call, callback, method);
      return new Set(call.arguments);
    }
    if (EVENT_METHODS.has(method)) {
      for (const listener of call.arguments.slice(1)) {
        if (judge.isIgnoredAsyncCallback(listener)) {
          context.report({ node: listener, messageId: 'asyncListener', data: { method } });
        }
      }
      return new Set(call.arguments);
    }
    const timer = deferringFunctionName(call.callee);
    if (timer === undefined) return NONE;
    const callback = call.arguments[0];
    if (callback !== undefined && judge.isIgnoredAsyncCallback(callback)) {
      context.report({ node: callback, messageId: 'asyncTimer', data: { name: timer } });
    }
    return new Set(call.arguments);
  };
}

const NONE: ReadonlySet<TSESTree.Node> = new Set();
