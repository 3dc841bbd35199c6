import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { chainRoot, createAllowList, type AllowedFunction } from './floating-promise/allowed-functions';
import { createAsyncCallbackCheck } from './floating-promise/async-callbacks';
import { errorFirstCalleeOf } from './floating-promise/error-first-async';
import { findingSuggestions } from './floating-promise/finding-suggestions';
import { createPromiseJudge, unwrapChain } from './floating-promise/promise-judge';
import { createKnownSafeCalls, createKnownSafePromises, KNOWN_SAFE_SCHEMA, type KnownSafeSpecifier } from './floating-promise/known-safe';
import { createStatementClassifier } from './floating-promise/statement-classifier';
import { createVoidReturnChecks, type VoidReturnPlaces } from './floating-promise/void-return-callbacks';
import { createRule } from './shared/create-rule';
import { getTypeServices } from './shared/parser-services';
import { mayHaveAsyncFunctions } from './shared/file-facts';
import { promiseMethodName, skipTypeWrappers } from './shared/promise-detection';
import { isDirective } from './shared/optional-keys';

export type { AllowedFunction, KnownSafeSpecifier, VoidReturnPlaces };

export type Options = [
  {
    /** `void promise` marks a promise as intentionally not awaited (default true). */
    ignoreVoid?: boolean;
    /** Do not report immediately-invoked async functions (default false). */
    ignoreIIFE?: boolean;
    /** Functions whose promises may float: a name as written or its last part, or `{ from: 'module', name }`. */
    allow?: AllowedFunction[];
    /** Calls whose promise may float and whose callbacks may return promises: by name, or `{ from: 'file' | 'lib' | 'package', name, package? }`. */
    allowForKnownSafeCalls?: KnownSafeSpecifier[];
    /** Promise types that may float (types only): by name, or `{ from, name, package? }`. */
    allowForKnownSafePromises?: KnownSafeSpecifier[];
    /** With types: report promise-returning functions put where a `void`-returning one is expected (default true, every place). */
    checksVoidReturn?: boolean | Partial<VoidReturnPlaces>;
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
  | 'asyncErrorFirstCallback'
  | 'asyncVoidArgument'
  | 'asyncVoidAttribute'
  | 'asyncVoidProperty'
  | 'asyncVoidVariable'
  | 'asyncVoidInheritedMethod'
  | 'addAwait'
  | 'addVoid'
  | 'addReturn'
  | 'awaitAll'
  | 'forOfAwait'
  | 'promiseAllMap';

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
          allowForKnownSafeCalls: {
            ...KNOWN_SAFE_SCHEMA,
            description:
              "Calls whose promise may float and whose callbacks may return promises: a name as written or its last part, or { from: 'file' | 'lib' | 'package', name, package? }.",
          },
          allowForKnownSafePromises: {
            ...KNOWN_SAFE_SCHEMA,
            description: "Promise types that may float (with types only): a type name, or { from: 'file' | 'lib' | 'package', name, package? }.",
          },
          checksVoidReturn: {
            description: 'With types: report promise-returning functions put where a void-returning function is expected (default true).',
            oneOf: [
              { type: 'boolean' },
              {
                type: 'object',
                additionalProperties: false,
                properties: {
                  arguments: { type: 'boolean', description: 'Call arguments whose parameter type returns void.' },
                  attributes: { type: 'boolean', description: 'JSX attributes typed to return void.' },
                  properties: { type: 'boolean', description: 'Object literal properties typed to return void.' },
                  variables: { type: 'boolean', description: 'Variables declared with a void-returning function type.' },
                  inheritedMethods: { type: 'boolean', description: 'Class members whose base class or interface declares them void-returning.' },
                },
              },
            ],
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
      asyncErrorFirstCallback:
        '`{{name}}` calls this callback error-first and ignores what it returns: the promise of this async function is dropped, and a rejection inside it (an error thrown after an `await`) is unhandled. Catch the errors inside the callback, or use the promise form of the API.',
      asyncVoidArgument:
        'This function returns a promise, but the parameter it is passed to is typed to return `void`: the callee ignores the promise, and a rejection inside the function is unhandled. Catch the errors inside it, or pass a function that does not return a promise.',
      asyncVoidAttribute:
        'This function returns a promise, but the attribute `{{name}}` is typed to return `void`: the component ignores the promise, and a rejection inside the function is unhandled. Catch the errors inside it.',
      asyncVoidProperty:
        'This function returns a promise, but the property `{{name}}` is typed to return `void`: its callers ignore the promise, and a rejection inside the function is unhandled. Catch the errors inside it.',
      asyncVoidVariable:
        'This function returns a promise, but `{{name}}` is typed to return `void`: its callers ignore the promise, and a rejection inside the function is unhandled. Catch the errors inside it.',
      asyncVoidInheritedMethod:
        '`{{name}}` returns a promise, but `{{base}}` declares it to return `void`: callers through `{{base}}` ignore the promise, and a rejection inside it is unhandled. Catch the errors inside it.',
      addAwait: 'Await the promise.',
      addVoid: 'Mark the promise as deliberately not awaited with `void`.',
      addReturn: 'Return the promise to the caller.',
      awaitAll: 'Await all of them with `await Promise.all(…)`.',
      forOfAwait: 'Await each iteration in a `for…of` loop (runs them one after another).',
      promiseAllMap: 'Await all iterations with `await Promise.all(….map(…))` (runs them concurrently).',
    },
  },
  defaultOptions: [{ ignoreVoid: true, ignoreIIFE: false, allow: [], allowForKnownSafeCalls: [], allowForKnownSafePromises: [], checksVoidReturn: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const judge = createPromiseJudge(sourceCode, getTypeServices(context));
    const ignoreVoid = options.ignoreVoid !== false;
    const allowed = createAllowList(options.allow ?? [], sourceCode, judge.services);
    const isKnownSafeCall = createKnownSafeCalls(options.allowForKnownSafeCalls ?? [], sourceCode, judge.services);
    const isKnownSafePromise = createKnownSafePromises(options.allowForKnownSafePromises ?? [], judge.services);
    const classify = createStatementClassifier(judge, (node) => allowed(node) || isKnownSafeCall(calleeOfRoot(node)) || isKnownSafePromise(node), {
      ignoreVoid,
      ignoreIIFE: options.ignoreIIFE === true,
    });
    const checkCallback = createAsyncCallbackCheck(context, judge);
    const voidReturn = createVoidReturnChecks(context, judge, voidReturnPlaces(options.checksVoidReturn));
    const checkCallbacks = (call: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      if (isKnownSafeCall(call.callee)) return;
      // Copied only when an argument is added: most calls judge nothing.
      let judged = checkCallback(call);
      // Only an async function is reported as an error-first callback: none in the file, nothing to resolve.
      if (call.type === AST_NODE_TYPES.CallExpression && mayHaveAsyncFunctions(sourceCode)) {
        for (const argument of call.arguments) {
          if (judged.has(argument)) continue;
          const name = errorFirstCalleeOf(call, argument, sourceCode, judge.services);
          if (name === undefined) continue;
          context.report({ node: argument, messageId: 'asyncErrorFirstCallback', data: { name } });
          judged = new Set([...judged, argument]);
        }
      }
      voidReturn.checkArguments(call, judged);
    };

    return {
      ExpressionStatement(statement) {
        if (isDirective(statement)) return;
        const expression = skipTypeWrappers(statement.expression);
        // `a(), b()`: each part is a statement of its own, reported on its own.
        const parts = expression.type === AST_NODE_TYPES.SequenceExpression ? expression.expressions : [statement.expression];
        for (const part of parts) {
          const finding = classify(part);
          if (finding === undefined) continue;
          const method = finding === 'unhandledChain' ? chainEndMethod(part) : undefined;
          context.report({
            node: part,
            messageId: finding,
            data: method === undefined ? {} : { method },
            suggest: findingSuggestions(sourceCode, part, statement, finding, ignoreVoid),
          });
        }
      },
      CallExpression: checkCallbacks,
      NewExpression: checkCallbacks,
      JSXAttribute: voidReturn.JSXAttribute,
      Property: voidReturn.Property,
      VariableDeclarator: voidReturn.VariableDeclarator,
      AssignmentExpression: voidReturn.AssignmentExpression,
      MethodDefinition: voidReturn.inheritingMember,
      PropertyDefinition: voidReturn.inheritingMember,
      AccessorProperty: voidReturn.inheritingMember,
      TSAbstractMethodDefinition: voidReturn.inheritingMember,
      TSAbstractPropertyDefinition: voidReturn.inheritingMember,
      TSAbstractAccessorProperty: voidReturn.inheritingMember,
      TSMethodSignature: voidReturn.inheritingMember,
      TSPropertySignature: voidReturn.inheritingMember,
    };
  },
});

/** The method at the end of a reported chain (`then`, `finally`), for the message. */
function chainEndMethod(node: TSESTree.Node): string {
  const call = unwrapChain(skipTypeWrappers(node));
  return call.type === AST_NODE_TYPES.CallExpression ? (promiseMethodName(call) ?? 'then') : 'then';
}

/** The callee of the call at the root of a chain (`flush` in `flush().then(f)`), or the value itself. */
function calleeOfRoot(node: TSESTree.Node): TSESTree.Node {
  const root = chainRoot(node);
  if (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression) return root.callee;
  return root.type === AST_NODE_TYPES.TaggedTemplateExpression ? root.tag : root;
}

function voidReturnPlaces(option: boolean | Partial<VoidReturnPlaces> | undefined): VoidReturnPlaces {
  const all = option !== false;
  const chosen = typeof option === 'object' ? option : {};
  return {
    arguments: chosen.arguments ?? all,
    attributes: chosen.attributes ?? all,
    properties: chosen.properties ?? all,
    variables: chosen.variables ?? all,
    inheritedMethods: chosen.inheritedMethods ?? all,
  };
}
