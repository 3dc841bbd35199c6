import type { Linter } from 'eslint';
import type { LintOutcome, LintRequest } from './document-linter';

/** Main thread → worker. `fixRule`: the fix-all of one rule (by short name); absent = every rule. */
export type TypedWorkRequest =
  | { id: number; kind: 'lint'; request: LintRequest }
  | { id: number; kind: 'fix'; request: LintRequest; fixRule?: string | undefined }
  | { id: number; kind: 'forget'; filePath: string };

/** Worker → main thread. */
export type TypedWorkReply =
  | { id: number; kind: 'lint'; outcome: LintOutcome }
  | { id: number; kind: 'fix'; output: string | undefined }
  | { id: number; kind: 'done' }
  | { kind: 'log'; message: string };

export type { Linter };
