import type { TSESLint } from '@typescript-eslint/utils';
import { compareEdits } from './text/text-edits';
import type { Converted } from './types';

/**
 * A conversion as an ESLint suggestion, for every rule that offers
 * "convert to async/await". The message's `note` says what changes
 * (an error that was ignored now rejects, …).
 */
export function conversionSuggestion<MessageIds extends string>(
  result: Converted,
  messageId: MessageIds,
): TSESLint.SuggestionReportDescriptor<MessageIds> {
  const note = result.notes.length === 0 ? '' : ` (${result.notes.join('; ')})`;
  return {
    messageId,
    data: { note },
    // ESLint keeps the order of fixes at the same position, so they are handed over already ordered.
    fix: (fixer) => [...result.edits].sort(compareEdits).map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
  };
}
