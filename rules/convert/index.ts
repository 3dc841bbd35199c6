/**
 * The conversion from callbacks to async/await, shared by the rules'
 * suggestions, the CLI's `--convert` and the editor's refactor.
 *
 * - `convert-callback.ts`: one callback call (and the pyramid inside it) → `await`.
 * - `convert-around.ts`: the conversion that flattens a given inner call (for other rules).
 * - `detect.ts`: what a callback call is; `continuation.ts`: the call is the
 *   last thing its function does (or its iteration, in a loop that already
 *   awaits: `loop-awaits.ts`, `iteration-body.ts`); `owner.ts`: that function may become async.
 * - `error-handling.ts`: `if (err) …` → propagation or `try/catch`.
 * - `promise-call.ts`: the promise equivalent from `rules/knowledge/`.
 * - `typed-callee.ts`: with types, a callee whose declared type takes an
 *   error-first callback → `promisify(fn)`, `promisify(o.m.bind(o))` or its promise overload.
 * - `user-function.ts`: a function of the file that calls its callback once, asynchronously, error first.
 * - `rename.ts`: fresh names on a clash; `chain-context.ts`: state of one conversion.
 * - `this-arguments.ts`: a `function` callback's own `this`/`arguments` (refused).
 * - `typescript-file.ts`: TypeScript files get `catch (err: any)` and annotations.
 * - `layout.ts`, `text-edits.ts`: indentation, comments, edits; `keeps-comments.ts`:
 *   the last check, every comment kept exactly once.
 * - `convert-callback-function.ts`: `function f(…, cb)` whose callers await
 *   `promisify(f)(…)` → `async function f(…)` returning/throwing.
 * - `then-chain.ts`, `convert-then.ts`: `.then/.catch/.finally` chains → `try { await }`;
 *   `chain-site.ts` (returned, a statement, awaited in place), `returning-owner.ts`,
 *   `chain-layout.ts` (the new text), `handler-body.ts`, `chain-values.ts` (await or not),
 *   `typed-handler.ts` (with types, `.then(fn)` of a function-typed name),
 *   `native-promise.ts` (a returned chain may become a native promise),
 *   `annotated-link.ts` (the `.then<T>` kept as `const x: T`).
 * - `conversion-candidates.ts`: the visitor meeting every candidate once
 *   (used by `prefer-async-await` and `convert-file.ts`).
 * - `convert-file.ts`: every safe conversion of a file, until stable, with a report.
 * - `suggestion.ts`: a conversion as an ESLint suggestion.
 * - `refusal-reasons.ts`: why a call is left alone.
 */
export { convertCallbackCall } from './convert-callback';
export { convertAround } from './convert-around';
export { convertThenChain } from './convert-then';
export { convertCallbackFunction } from './convert-callback-function';
export { convertFileText, type ConversionReportEntry, type FileConversion } from './convert-file';
export { REFUSAL_REASONS, type RefusalReason } from './refusal-reasons';
export { applyEdits } from './text-edits';
export { conversionSuggestion } from './suggestion';
export type { ConversionResult, Converted, Refused, TextEdit } from './types';
