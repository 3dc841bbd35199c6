import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { convertCallbackCall } from './convert-callback';
import type { ConversionResult } from './types';

/**
 * The conversion that turns `call` into an `await`: its own, or that of an
 * enclosing callback call whose pyramid flattening includes it (outermost
 * first, so the suggestion flattens as much as possible). For rules that
 * report a call deep in a pyramid (`max-callback-depth`,
 * `no-unchecked-callback-error`). Undefined when `call` is no callback call;
 * the call's own refusal when nothing converts it.
 */
export function convertAround(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  services?: ParserServicesWithTypeInformation,
): ConversionResult | undefined {
  const enclosing: TSESTree.CallExpression[] = [];
  for (let current: TSESTree.Node | undefined = call.parent; current != null; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression) enclosing.unshift(current);
  }
  for (const candidate of enclosing) {
    const result = convertCallbackCall(sourceCode, candidate, services);
    if (result?.kind === 'converted' && result.calls.includes(call)) return result;
  }
  return convertCallbackCall(sourceCode, call, services);
}
