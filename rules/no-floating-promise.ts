import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import {
  DEFERRED_CALLBACK_FUNCTIONS,
  PROMISE_ARRAY_METHODS,
  EVENT_METHODS,
  RETURN_IGNORING_ITERATION_METHODS,
  TIMER_FUNCTIONS,
  TIMER_MODULES,
} from './knowledge/callback-apis';
import { canonicalMember, normalizeModuleName } from './knowledge/lookup';
import { asRewritableForEach, forOfRewrite, promiseAllRewrite } from './floating-promise/for-each-rewrite';
import { canAwaitAt, canReturnFrom, prefixFix } from './floating-promise/statement-fixes';
import { isFunctionNode } from './shared/async-context';
import { createRule } from './shared/create-rule';
import { resolveModuleMember } from './shared/module-references';
import { getTypeServices } from './shared/parser-services';
import { getPromiseDetector, isGlobalReference, promiseMethodName, skipTypeWrappers } from './shared/promise-detection';
import {
  callbackVerdictOf,
  contextExpectsThenable,
  dualResultOf,
  isCallableArgument,
  thenableArrayVerdictOf,
  thenableVerdictOf,
} from './shared/promise-types';
import { resolveModuleMemberByType } from './shared/type-module-member';
import { calleeName } from './shared/callee-name';

export type AllowedFunction = string | { from: string; name: string };

export type Options = [
  {
    /** `void promise` marks a promise as intentionally not awaited (default true). */
    ignoreVoid?: boolean;
    /** Do not report immediately-invoked async functions (default false). */
    ignoreIIFE?: boolean;
    /** Functions whose promises may float: a name as written or its last part, or `{ from: 'module', name }`. */
    allow?: AllowedFunction[];
  },
];

export type MessageIds =
  | 'floating'
  | 'unhandledChain'
  | 'floatingIife'
  | 'floatingVoid'
  | 'floatingArray'
  | 'asyncForEach'
  | 'asyncListener'
  | 'asyncTimer'
  | 'asyncExecutor'
  | 'addAwait'
  | 'addVoid'
  | 'addReturn'
  | 'awaitAll'
  | 'forOfAwait'
  | 'promiseAllMap';

type Finding = 'floating' | 'unhandledChain' | 'floatingIife' | 'floatingVoid' | 'floatingArray';

const DEFERRED_CALLBACK_LAST_NAMES: ReadonlySet<string> = new Set([...DEFERRED_CALLBACK_FUNCTIONS].map((name) => name.slice(name.lastIndexOf('.') + 1)));

/** How deep `?:`, `&&`, `,` and `.finally` nesting is followed inside one statement. */
const MAX_NESTING = 64;

export const noFloatingPromise = createRule<Options, MessageIds>({
  name: 'no-floating-promise',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises to be awaited, returned or given a rejection handler, and forbid async callbacks where the caller ignores the promise',
      recommended: true,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreVoid: {
            type: 'boolean',
            description: '`void promise` marks a promise as intentionally not awaited (default true).',
          },
          ignoreIIFE: {
            type: 'boolean',
            description: 'Do not report immediately-invoked async functions (default false).',
          },
          allow: {
            type: 'array',
            uniqueItems: true,
            description:
              "Functions whose promises may float: a name as written ('logger.flush') or its last part ('flush'), or { from: 'module', name } for an imported function.",
            items: {
              oneOf: [
                { type: 'string', minLength: 1 },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'name'],
                  properties: {
                    from: { type: 'string', minLength: 1, description: "The module it is imported from ('node:fs/promises', 'my-driver')." },
                    name: { type: 'string', minLength: 1, description: "The export, or a dotted path from it ('Client.connect')." },
                  },
                },
              ],
            },
          },
        },
      },
    ],
    messages: {
      floating:
        'This promise is neither awaited, returned, nor given a rejection handler: if it rejects, the rejection is unhandled (and since Node 15 ends the process). Await or return it, or end it with `.catch(handler)`.',
      unhandledChain:
        'This `.{{method}}()` chain has no rejection handler at its end: a rejection anywhere in it is unhandled. End it with `.catch(handler)`, or await or return it.',
      floatingIife:
        'This immediately-invoked async function returns a promise that nobody handles: a rejection inside it is unhandled. Await it, or catch the errors inside it.',
      floatingVoid:
        '`void` does not handle this promise: if it rejects, the rejection is unhandled. Await it or give it a rejection handler.',
      floatingArray:
        'This array of promises is neither awaited nor handled: their rejections are unhandled. Await them with `await Promise.all(…)`.',
      asyncForEach:
        '`{{method}}` ignores the promise that this callback returns: the iterations are not awaited, the code after the loop runs before they finish, and their rejections are unhandled.',
      asyncListener:
        '`{{method}}` ignores the promise that this listener returns: a rejection inside it is unhandled. Catch the errors inside the listener.',
      asyncTimer:
        '`{{name}}` ignores the promise that this callback returns: a rejection inside it is unhandled. Catch the errors inside the callback.',
      asyncExecutor:
        'A Promise executor must not be async: an error thrown after its first `await` does not reject the promise and is unhandled. Use an async function instead of `new Promise`, or a plain executor that calls `reject`.',
      addAwait: 'Await the promise.',
      addVoid: 'Mark the promise as deliberately not awaited with `void`.',
      addReturn: 'Return the promise to the caller.',
      awaitAll: 'Await all of them with `await Promise.all(…)`.',
      forOfAwait: 'Await each iteration in a `for…of` loop (runs them one after another).',
      promiseAllMap: 'Await all iterations with `await Promise.all(….map(…))` (runs them concurrently).',
    },
  },
  defaultOptions: [{ ignoreVoid: true, ignoreIIFE: false, allow: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const services = getTypeServices(context);
    const detector = getPromiseDetector(sourceCode);
    const ignoreVoid = options.ignoreVoid !== false;
    const ignoreIIFE = options.ignoreIIFE === true;
    const allowedNames = new Set<string>();
    const allowedMembers = new Set<string>();
    for (const entry of options.allow ?? []) {
      if (typeof entry === 'string') allowedNames.add(entry);
      else allowedMembers.add(`${normalizeModuleName(entry.from)}\0${entry.name}`);
    }

    /** Syntactic knowledge first (free); the checker only for expressions that could hold a promise. */
    function isPromiseValue(node: TSESTree.Node): boolean {
      const value = unwrapChain(skipTypeWrappers(node));
      if (services !== undefined && mayHoldValueOfCall(value)) {
        const verdict = thenableVerdictOf(value, services);
        if (verdict !== 'unknown') return verdict === 'thenable';
      }
      return detector.isPromise(value);
    }

    /** `[fetch(a), fetch(b)]`, `xs.map(async …)`: an array whose elements are promises. */
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

    /** A promise-returning callback passed where the callee ignores what it returns. */
    function isIgnoredAsyncCallback(callback: TSESTree.Node): boolean {
      if (!isCallbackCandidate(callback) || !returnsPromise(callback)) return false;
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

    /** Why the value of `node`, evaluated as a statement, is a floating promise; undefined when it is not. */
    function classify(node: TSESTree.Node, depth = MAX_NESTING): Finding | undefined {
      // A generated `a || b || …` of thousands of terms must not exhaust the stack.
      if (depth <= 0) return undefined;
      const expression = skipTypeWrappers(node);
      switch (expression.type) {
        case AST_NODE_TYPES.UnaryExpression:
          if (expression.operator !== 'void' || ignoreVoid) return undefined;
          return classify(expression.argument, depth - 1) === undefined ? undefined : 'floatingVoid';
        case AST_NODE_TYPES.ConditionalExpression:
          return orFloating(depth, expression.consequent, expression.alternate);
        case AST_NODE_TYPES.LogicalExpression:
          return orFloating(depth, expression.left, expression.right);
        case AST_NODE_TYPES.SequenceExpression: {
          const last = expression.expressions.at(-1);
          return last === undefined ? undefined : classify(last, depth - 1);
        }
        case AST_NODE_TYPES.ChainExpression:
          return classify(expression.expression, depth - 1);
        case AST_NODE_TYPES.CallExpression:
          return classifyCall(expression, depth);
        case AST_NODE_TYPES.ArrayExpression:
          return isPromiseArray(expression) ? 'floatingArray' : undefined;
        case AST_NODE_TYPES.NewExpression:
        case AST_NODE_TYPES.TaggedTemplateExpression:
        case AST_NODE_TYPES.Identifier:
        case AST_NODE_TYPES.MemberExpression:
          if (isAllowed(expression)) return undefined;
          if (isPromiseValue(expression)) return 'floating';
          return expression.type === AST_NODE_TYPES.Identifier && services !== undefined && isPromiseArray(expression) ? 'floatingArray' : undefined;
        default:
          return undefined;
      }
    }

    function orFloating(depth: number, ...branches: TSESTree.Node[]): Finding | undefined {
      return branches.some((branch) => classify(branch, depth - 1) !== undefined) ? 'floating' : undefined;
    }

    function classifyCall(call: TSESTree.CallExpression, depth: number): Finding | undefined {
      const method = promiseMethodName(call);
      if (method === 'catch' && hasRejectionHandler(call, 0)) return undefined;
      if (method === 'then' && hasRejectionHandler(call, 1)) return undefined;
      if (method === 'finally') {
        // `.finally(f)` passes a rejection through: it floats exactly when its receiver does.
        const receiver = classify(receiverOf(call), depth - 1);
        return receiver === undefined ? undefined : 'unhandledChain';
      }
      if (isAllowed(call)) return undefined;
      const callee = skipTypeWrappers(call.callee);
      if (isFunctionNode(callee)) {
        if (!returnsPromise(callee)) return undefined;
        return callee.async && ignoreIIFE ? undefined : callee.async ? 'floatingIife' : 'floating';
      }
      if (!isPromiseValue(call)) return method === undefined && isPromiseArray(call) ? 'floatingArray' : undefined;
      if (method === undefined && isCallbackFormOfDualApi(call)) return undefined;
      return method === undefined ? 'floating' : 'unhandledChain';
    }

    /**
     * `isexe(path, (err, is) => …)`, `query(sql, callback)`: a function that
     * returns a promise only when no callback is passed, called with one. With
     * types: the call's resolved return type is `Promise<T> | void`. Without:
     * a local function that is not `async` (so returns a promise only on some
     * paths) called with a function as its last argument.
     */
    function isCallbackFormOfDualApi(call: TSESTree.CallExpression): boolean {
      const last = call.arguments.at(-1);
      if (last === undefined || last.type === AST_NODE_TYPES.SpreadElement) return false;
      if (services !== undefined) {
        const dual = dualResultOf(call, services);
        if (dual !== 'unknown') return dual === 'dual' && isCallableArgument(last, services);
      }
      const passesFunction = isFunctionNode(last) || (last.type === AST_NODE_TYPES.Identifier && detector.localFunction(last) !== undefined);
      const local = passesFunction ? detector.localFunction(call.callee) : undefined;
      return local !== undefined && !local.async;
    }

    /** The function whose promise starts the chain: `fetch` in `fetch(u).then(a).finally(b)`. */
    function chainRoot(node: TSESTree.Node): TSESTree.Node {
      let current = unwrapChain(skipTypeWrappers(node));
      while (current.type === AST_NODE_TYPES.CallExpression && promiseMethodName(current) !== undefined) {
        current = unwrapChain(skipTypeWrappers(receiverOf(current)));
      }
      return current;
    }

    function isAllowed(node: TSESTree.Node): boolean {
      if (allowedNames.size === 0 && allowedMembers.size === 0) return false;
      const root = chainRoot(node);
      const callee =
        root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression
          ? root.callee
          : root.type === AST_NODE_TYPES.TaggedTemplateExpression
            ? root.tag
            : root;
      const written = sourceCode.getText(callee).replace(/\s+/g, '');
      const last = callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression ? calleeName(callee) : undefined;
      if (allowedNames.has(written) || (last !== undefined && allowedNames.has(last))) return true;
      if (allowedMembers.size === 0) return false;
      const member =
        resolveModuleMember(callee, sourceCode) ??
        (services === undefined || callee.type !== AST_NODE_TYPES.MemberExpression ? undefined : resolveModuleMemberByType(callee, services));
      const canonical = member === undefined ? undefined : canonicalMember(member);
      return canonical !== undefined && allowedMembers.has(`${canonical.module}\0${canonical.name}`);
    }

    function report(target: TSESTree.Node, statement: TSESTree.ExpressionStatement, finding: Finding): void {
      const method = finding === 'unhandledChain' ? chainEndMethod(target) : undefined;
      const suggest = finding === 'floatingArray' ? arraySuggestions(target, statement) : promiseSuggestions(target, statement, finding);
      context.report({ node: target, messageId: finding, data: method === undefined ? {} : { method }, suggest });
    }

    function promiseSuggestions(
      target: TSESTree.Node,
      statement: TSESTree.ExpressionStatement,
      finding: Finding,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const voided = finding === 'floatingVoid' && target.type === AST_NODE_TYPES.UnaryExpression ? target : undefined;
      if (canAwaitAt(statement)) {
        suggest.push({
          messageId: 'addAwait',
          fix: (fixer) =>
            voided === undefined ? prefixFix(fixer, target, 'await') : [fixer.replaceTextRange([voided.range[0], voided.argument.range[0]], 'await ')],
        });
      }
      if (finding === 'floatingVoid') return suggest;
      if (ignoreVoid) suggest.push({ messageId: 'addVoid', fix: (fixer) => prefixFix(fixer, target, 'void') });
      const wholeStatement = skipTypeWrappers(statement.expression) === target || statement.expression === target;
      if (wholeStatement && canReturnFrom(statement)) {
        suggest.push({ messageId: 'addReturn', fix: (fixer) => fixer.insertTextBefore(statement.expression, 'return ') });
      }
      return suggest;
    }

    /** An array of promises: only `await Promise.all(…)`; `void` or `return` of the array would still drop the rejections. */
    function arraySuggestions(target: TSESTree.Node, statement: TSESTree.ExpressionStatement): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!canAwaitAt(statement) || !isGlobalPromiseFree(target)) return [];
      return [{ messageId: 'awaitAll', fix: (fixer) => [fixer.insertTextBefore(target, 'await Promise.all('), fixer.insertTextAfter(target, ')')] }];
    }

    /** No local binding named `Promise` would capture an inserted `Promise.all`. */
    function isGlobalPromiseFree(node: TSESTree.Node): boolean {
      for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope !== null; scope = scope.upper) {
        const variable = scope.set.get('Promise');
        if (variable !== undefined && variable.defs.length > 0) return false;
      }
      return true;
    }

    function checkCallback(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (call.type === AST_NODE_TYPES.NewExpression) {
        const executor = call.arguments[0];
        if (executor !== undefined && isFunctionNode(executor) && executor.async && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'Promise' && isGlobalReference(call.callee, sourceCode)) {
          context.report({ node: executor, messageId: 'asyncExecutor' });
        }
        return;
      }
      if (!call.arguments.some(isCallbackCandidate)) return;
      const method = calleeName(call.callee);
      if (method === undefined) return;
      if (RETURN_IGNORING_ITERATION_METHODS.has(method) && call.callee.type === AST_NODE_TYPES.MemberExpression) {
        const callback = call.arguments[0];
        if (callback !== undefined && isIgnoredAsyncCallback(callback)) reportForEach(call, callback, method);
        return;
      }
      if (EVENT_METHODS.has(method)) {
        for (const listener of call.arguments.slice(1)) {
          if (isIgnoredAsyncCallback(listener)) {
            context.report({ node: listener, messageId: 'asyncListener', data: { method } });
          }
        }
        return;
      }
      const timer = deferringFunctionName(call.callee);
      const callback = call.arguments[0];
      if (timer !== undefined && callback !== undefined && isIgnoredAsyncCallback(callback)) {
        context.report({ node: callback, messageId: 'asyncTimer', data: { name: timer } });
      }
    }

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
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
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

    return {
      ExpressionStatement(statement) {
        if (statement.directive !== undefined) return;
        const expression = skipTypeWrappers(statement.expression);
        // `a(), b()`: each part is a statement of its own, reported on its own.
        const parts = expression.type === AST_NODE_TYPES.SequenceExpression ? expression.expressions : [statement.expression];
        for (const part of parts) {
          const finding = classify(part);
          if (finding !== undefined) report(part, statement, finding);
        }
      },
      CallExpression: checkCallback,
      NewExpression: checkCallback,
    };
  },
});

function unwrapChain(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
}

function receiverOf(call: TSESTree.CallExpression): TSESTree.Node {
  return call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
}

/** `.then(a, h)` / `.catch(h)`: a rejection handler at `index` that is a value, not `undefined`/`null`. */
function hasRejectionHandler(call: TSESTree.CallExpression, index: number): boolean {
  const handler = call.arguments[index];
  if (handler === undefined || handler.type === AST_NODE_TYPES.SpreadElement) return false;
  if (handler.type === AST_NODE_TYPES.Literal && handler.value === null) return false;
  return !(handler.type === AST_NODE_TYPES.Identifier && handler.name === 'undefined');
}

/** The method at the end of a reported chain (`then`, `finally`), for the message. */
function chainEndMethod(node: TSESTree.Node): string {
  const call = unwrapChain(skipTypeWrappers(node));
  return call.type === AST_NODE_TYPES.CallExpression ? (promiseMethodName(call) ?? 'then') : 'then';
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

function isCallbackCandidate(node: TSESTree.Node): boolean {
  return isFunctionNode(node) || node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression;
}
