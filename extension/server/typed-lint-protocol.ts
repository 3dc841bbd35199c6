import type { LintOutcome, LintRequest } from './document-linter';

/**
 * Main thread → worker, one request at a time: each reply answers the request
 * in flight. `fixRule`: the fix-all of one rule (by short name); absent = every rule.
 */
export type TypedWorkRequest =
  | { kind: 'lint'; request: LintRequest }
  | { kind: 'fix'; request: LintRequest; fixRule?: string | undefined }
  | { kind: 'forget'; filePath: string };

/** Worker → main thread. */
export type TypedWorkReply =
  | { kind: 'lint'; outcome: LintOutcome }
  | { kind: 'fix'; output: string | undefined }
  | { kind: 'done' }
  | { kind: 'log'; message: string };
