import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createAllowList, type AllowedFunction } from './floating-promise/allowed-functions';
import { createAsyncCallbackCheck } from './floating-promise/async-callbacks';
import { findingSuggestions } from './floating-promise/finding-suggestions';
import { createPromiseJudge, unwrapChain } from './floating-promise/promise-judge';
import { createStatementClassifier } from './floating-promise/statement-classifier';
import { createRule } from './shared/create-rule';
import { getTypeServices } from './shared/parser-services';
import { promiseMethodName, skipTypeWrappers } from './shared/promise-detection';
import { isDirective } from './shared/optional-keys';

export type { AllowedFunction };

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
    const judge = createPromiseJudge(sourceCode, getTypeServices(context));
    const ignoreVoid = options.ignoreVoid !== false;
    const classify = createStatementClassifier(judge, createAllowList(options.allow ?? [], sourceCode, judge.services), {
      ignoreVoid,
      ignoreIIFE: options.ignoreIIFE === true,
    });
    const checkCallback = createAsyncCallbackCheck(context, judge);

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
      CallExpression: checkCallback,
      NewExpression: checkCallback,
    };
  },
});

/** The method at the end of a reported chain (`then`, `finally`), for the message. */
function chainEndMethod(node: TSESTree.Node): string {
  const call = unwrapChain(skipTypeWrappers(node));
  return call.type === AST_NODE_TYPES.CallExpression ? (promiseMethodName(call) ?? 'then') : 'then';
}
