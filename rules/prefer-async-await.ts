import type { TSESTree } from '@typescript-eslint/utils';
import { convertCallbackCall } from './convert';
import { createRule } from './shared/create-rule';
import { getTypeServices } from './shared/parser-services';

export type Options = [];
export type MessageIds = 'preferAwait' | 'convertToAwait';

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
      convertToAwait: 'Convert to async/await{{note}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const services = getTypeServices(context);
    // Calls already flattened into the conversion of an enclosing call.
    const covered = new WeakSet<TSESTree.Node>();
    return {
      CallExpression(call) {
        if (covered.has(call)) return;
        const result = convertCallbackCall(sourceCode, call, services);
        if (result?.kind !== 'converted') return;
        for (const inner of result.calls) covered.add(inner);
        const note = result.notes.length === 0 ? '' : ` (${result.notes.join('; ')})`;
        context.report({
          node: call,
          messageId: 'preferAwait',
          data: { callee: sourceCode.getText(call.callee).replace(/\s+/g, '') },
          suggest: [
            {
              messageId: 'convertToAwait',
              data: { note },
              fix: (fixer) => result.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
            },
          ],
        });
      },
    };
  },
});
