import type { TSESTree } from '@typescript-eslint/utils';
import { conversionSuggestion, convertCallbackCall, convertCallbackFunction, convertThenChain } from './convert';
import { functionName, type FunctionNode } from './shared/async-context';
import { chainMethodOf } from './convert/then-chain';
import { createRule } from './shared/create-rule';
import { getTypeServices } from './shared/parser-services';

export type Options = [];
export type MessageIds = 'preferAwait' | 'preferAwaitOverThen' | 'preferPromiseFunction' | 'convertToAwait';

export const preferAsyncAwait = createRule<Options, MessageIds>({
  name: 'prefer-async-await',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer async/await over callback calls that can be converted without changing behaviour',
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      preferAwait: '`{{callee}}` takes a callback that can be written with `await`.',
      preferAwaitOverThen: 'This `.{{method}}` chain can be written with `await`.',
      preferPromiseFunction: 'Every caller awaits `{{name}}` through `promisify`: it can return a promise instead of taking a callback.',
      convertToAwait: 'Convert to async/await{{note}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const services = getTypeServices(context);
    // Calls already flattened into the conversion of an enclosing call.
    const covered = new WeakSet<TSESTree.Node>();
    const visitFunction = (fn: FunctionNode): void => {
      const result = convertCallbackFunction(sourceCode, fn);
      if (result?.kind !== 'converted') return;
      context.report({
        node: fn,
        messageId: 'preferPromiseFunction',
        data: { name: functionName(fn) ?? '' },
        suggest: [conversionSuggestion(result, 'convertToAwait')],
      });
    };
    return {
      FunctionDeclaration: visitFunction,
      FunctionExpression: visitFunction,
      ArrowFunctionExpression: visitFunction,
      CallExpression(call) {
        if (covered.has(call)) return;
        const result = convertCallbackCall(sourceCode, call, services) ?? convertThenChain(sourceCode, call, services);
        if (result?.kind !== 'converted') return;
        for (const inner of result.calls) covered.add(inner);
        const method = chainMethodOf(call);
        context.report({
          node: call,
          ...(method === undefined
            ? { messageId: 'preferAwait', data: { callee: sourceCode.getText(call.callee).replace(/\s+/g, '') } }
            : { messageId: 'preferAwaitOverThen', data: { method } }),
          suggest: [conversionSuggestion(result, 'convertToAwait')],
        });
      },
    };
  },
});
