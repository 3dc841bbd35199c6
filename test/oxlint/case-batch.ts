import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { RuleEntry } from '../../cli/oxlint/oxlint-config';
import { isJavaScriptCase, type SyntacticCases } from '../rules/rule-tester';

/** One RuleTester case written out as a file both engines lint. */
export interface CaseFile {
  readonly rule: string;
  /** Relative to the batch folder, POSIX separators: `<rule>/<set>.<n>-<variant>/<file name>`, one set per `runInBothModes` title. */
  readonly file: string;
  readonly invalid: boolean;
  /** The rule's level and options for this file. */
  readonly entry: RuleEntry;
}

export interface CaseBatch {
  readonly dir: string;
  readonly files: CaseFile[];
  /** Cases that set parser or language options oxlint has no per-file equivalent for. */
  readonly skipped: number;
}

type AnyCase = string | ValidTestCase<readonly unknown[]> | InvalidTestCase<string, readonly unknown[]>;

/**
 * Writes every case of the rules into `dir`, one folder per case: as the
 * syntactic RuleTester run reads it (`react.tsx` unless the case names its
 * file) and, for the cases in plain JavaScript, also as `file.js` (what the
 * CLI and the editor read with espree).
 */
export function writeCaseBatch(dir: string, rules: readonly SyntacticCases[]): CaseBatch {
  fs.rmSync(dir, { recursive: true, force: true });
  const files: CaseFile[] = [];
  let skipped = 0;
  for (const [set, { rule, valid, invalid }] of rules.entries()) {
    const cases: [AnyCase, boolean][] = [...valid.map((test): [AnyCase, boolean] => [test, false]), ...invalid.map((test): [AnyCase, boolean] => [test, true])];
    cases.forEach(([test, isInvalid], index) => {
      const details = typeof test === 'string' ? { code: test } : test;
      if (details.languageOptions !== undefined || details.settings !== undefined) {
        skipped++;
        return;
      }
      const options = details.options ?? [];
      const entry: RuleEntry = options.length > 0 ? ['warn', ...options] : 'warn';
      const names = details.filename !== undefined ? [path.basename(details.filename)] : ['react.tsx', ...(isJavaScriptCase(test) ? ['file.js'] : [])];
      for (const [variant, fileName] of names.entries()) {
        const file = `${rule}/${set}.${index}-${variant}/${fileName}`;
        fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), details.code);
        files.push({ rule, file, invalid: isInvalid, entry });
      }
    });
  }
  return { dir, files, skipped };
}
