import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { convertCallbackCallOnce } from '../conversion-once';
import type { ConversionResult } from '../types';

/**
 * The conversion that turns `call` into an `await`: its own, or that of an
 * enclosing callback call whose pyramid flattening includes it (outermost
 * first, so the suggestion flattens as much as possible). For rules that
 * report a call deep in a pyramid (`max-callback-depth`,
 * `no-unchecked-callback-error`). Undefined when `call` is no callback call;
 * the call's own refusal when nothing converts it.
 */
/**
 * How many enclosing calls are tried. Real pyramids are a handful of levels;
 * without a bound, every report in a 1,000-level pyramid would try every
 * level above it (quadratic: the robustness suite's pyramid took 40 s).
 */
const MAX_ENCLOSING_CALLS = 8;

export function convertAround(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation | undefined,
  typescript: boolean,
): ConversionResult | undefined {
  // Shared with prefer-async-await and every other report in the file (conversion-once.ts).
  const convert = (candidate: TSESTree.CallExpression): ConversionResult | undefined => convertCallbackCallOnce(sourceCode, candidate, services, typescript);
  const enclosing: TSESTree.CallExpression[] = [];
  for (let current: TSESTree.Node | undefined = call.parent; current != null && enclosing.length < MAX_ENCLOSING_CALLS; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression) enclosing.unshift(current);
  }
  for (const candidate of enclosing) {
    const result = convert(candidate);
    if (result?.kind === 'converted' && result.calls.includes(call)) return result;
  }
  return convert(call);
}
