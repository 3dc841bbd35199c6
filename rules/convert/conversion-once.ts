import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileFacts } from '../shared/file-facts';
import { convertCallbackCall } from './rewrite/convert-callback';
import type { ConversionResult } from './types';

/**
 * {@link convertCallbackCall}, built at most once per call and file whichever
 * rule asks first: prefer-async-await converts every candidate to decide
 * whether to report, and no-unchecked-callback-error and max-callback-depth
 * offer the same conversion as their suggestion. The memo lives in the
 * file's facts (one weak entry per file, see file-facts.ts).
 */
export function convertCallbackCallOnce(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation | undefined,
  typescript: boolean,
): ConversionResult | undefined {
  const facts = fileFacts(sourceCode);
  facts.conversionMode ??= { services, typescript };
  // Every rule of a file sees the same services; a caller that differs is answered afresh.
  if (facts.conversionMode.services !== services || facts.conversionMode.typescript !== typescript) return convertCallbackCall(sourceCode, call, services, typescript);
  const known = facts.conversions.get(call);
  if (known !== undefined) return known;
  const result = convertCallbackCall(sourceCode, call, services, typescript);
  if (result !== undefined) facts.conversions.set(call, result);
  return result;
}
