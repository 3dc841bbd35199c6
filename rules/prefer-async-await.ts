import { isTypeScriptFile } from './convert/typescript-file';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { conversionSuggestion } from './convert';
import { visitConversionCandidates } from './convert/conversion-candidates';
import { functionName } from './shared/async-context';
import { chainMethodOf } from './convert/chains/then-chain';
import { createRule } from './shared/create-rule';
import { getTypeServices } from './shared/parser-services';
import { rememberFilename } from './convert/inference/node-file';
import { isCompiledDynamicImport, rejectsIgnoredErrorUnawaited } from './prefer-async-await-skips';

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
    rememberFilename(sourceCode, context.physicalFilename);
    return visitConversionCandidates(sourceCode, getTypeServices(context), isTypeScriptFile(context.filename), {
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
        if (result.kind !== 'converted' || isAwaitedCatch(call) || isCompiledDynamicImport(call) || rejectsIgnoredErrorUnawaited(call, result)) return;
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

/**
 * `await p.catch(handler)` alone: the idiomatic short form of a fallback,
 * which try/catch would only make longer. The whole-file conversion still
 * rewrites it; the rule does not ask for it.
 */
function isAwaitedCatch(call: TSESTree.CallExpression): boolean {
  if (call.parent.type !== AST_NODE_TYPES.AwaitExpression || chainMethodOf(call) !== 'catch' || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = call.callee.object;
  return !(object.type === AST_NODE_TYPES.CallExpression && chainMethodOf(object) !== undefined);
}
