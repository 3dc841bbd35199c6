/**
 * The conversion from callbacks to async/await, shared by the rules'
 * suggestions, the CLI's `--convert` and the editor's refactor. Its folders
 * are its stages:
 *
 * - `inference/`: what a callback call is and what its callee does: `detect.ts`
 *   (the callee, from the knowledge table), `typed-callee.ts` (with types, a
 *   callee whose declared type takes an error-first callback), `user-function.ts`
 *   (a function of the file that calls back once), `continuation.ts` and
 *   `loop-awaits.ts` (the call is the last thing its function or iteration
 *   does), `this-arguments.ts`.
 * - `rewrite/`: the text of one call-site conversion: `convert-callback.ts`
 *   (a callback call and the pyramid inside it → `await`), `error-handling.ts`
 *   (`if (err) …` → propagation or `try/catch`), `promise-call.ts` (the
 *   promise equivalent), `owner.ts` (the function may become async),
 *   `iteration-body.ts`, `rename.ts`, `chain-context.ts` (state of one
 *   conversion), `convert-around.ts` (for other rules), and
 *   `convert-callback-function.ts` (the callback parameter removed once every
 *   caller awaits).
 * - `chains/`: `.then/.catch/.finally` chains → `try { await }`.
 * - `text/`: indentation, edits, and the last check that every comment is kept.
 * - `conversion-candidates.ts`: the visitor meeting every candidate once
 *   (used by `prefer-async-await` and `convert-file.ts`); `convert-file.ts`:
 *   every safe conversion of a file, until stable, with a report;
 *   `suggestion.ts`: a conversion as an ESLint suggestion; `refusal-reasons.ts`.
 */
export { convertCallbackCall } from './rewrite/convert-callback';
export { convertAround } from './rewrite/convert-around';
export { convertThenChain } from './chains/convert-then';
export { convertCallbackFunction } from './rewrite/convert-callback-function';
export { convertFileText, type ConversionReportEntry, type FileConversion } from './convert-file';
export { REFUSAL_REASONS, type RefusalReason } from './refusal-reasons';
export { applyEdits } from './text/text-edits';
export { conversionSuggestion } from './suggestion';
export type { ConversionResult, Converted, Refused, TextEdit } from './types';
