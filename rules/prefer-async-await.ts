import { conversionSuggestion } from './convert';
import { visitConversionCandidates } from './convert/conversion-candidates';
import { functionName } from './shared/async-context';
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
    return visitConversionCandidates(sourceCode, getTypeServices(context), {
      onFunction(fn, result) {
        if (result.kind !== 'converted') return;
        context.report({
          node: fn,
          messageId: 'preferPromiseFunction',
          data: { name: functionName(fn) ?? '' },
          suggest: [conversionSuggestion(result, 'convertToAwait')],
        });
      },
      onCall(call, result) {
        if (result.kind !== 'converted') return;
        const method = chainMethodOf(call);
        context.report({
          node: call,
          ...(method === undefined
            ? { messageId: 'preferAwait', data: { callee: sourceCode.getText(call.callee).replace(/\s+/g, '') } }
            : { messageId: 'preferAwaitOverThen', data: { method } }),
          suggest: [conversionSuggestion(result, 'convertToAwait')],
        });
      },
    });
  },
});
