import { Linter } from 'eslint';
import { allRulesConfig } from '../../bench/all-rules-config';

/** What went wrong with one file; every count must be zero. */
export interface Problems {
  /** A rule (or ESLint around it) threw. */
  crashes: number;
  /** The fix loop produced text that no longer parses. */
  unparsableFixes: number;
  /** A suggestion produced text that no longer parses. */
  unparsableSuggestions: number;
  /** A fix or suggestion dropped a comment of the input. */
  lostComments: number;
  /** A second `--fix` over fixed text still changed it. */
  nonConvergingFixes: number;
  /** The file took longer than the time limit. */
  hangs: number;
  /** The input did not parse and ESLint said so without a line and column. */
  unclearParseErrors: number;
}

export interface FileReport extends Problems {
  readonly name: string;
  /** The input does not parse (fine for fuzzed input when reported clearly). */
  readonly parseError: boolean;
  readonly parseErrorMessage?: string;
  readonly findings: number;
  readonly fixesApplied: boolean;
  readonly suggestionsTried: number;
  readonly ms: number;
  /** One line per problem, for the failure message. */
  readonly details: string[];
}

export const PROBLEM_KEYS: readonly (keyof Problems)[] = [
  'crashes',
  'unparsableFixes',
  'unparsableSuggestions',
  'lostComments',
  'nonConvergingFixes',
  'hangs',
  'unclearParseErrors',
];

export function noProblems(): Problems {
  return { crashes: 0, unparsableFixes: 0, unparsableSuggestions: 0, lostComments: 0, nonConvergingFixes: 0, hangs: 0, unclearParseErrors: 0 };
}

/** Suggestions checked per file, in report order. */
export const MAX_SUGGESTIONS_PER_FILE = 200;

export interface CheckerOptions {
  readonly typeAware: boolean;
  /**
   * File names must be absolute paths inside this folder (the config's
   * `files` globs are relative to it). Type-aware: the project folder, with
   * its tsconfig.json, and the files must exist on disk.
   */
  readonly cwd: string;
  /** Files slower than this count as hangs. */
  readonly timeLimitMs: number;
}

/**
 * Lints one file with every rule of the plugin, applies the fix loop and
 * then each suggestion on its own, and checks the promises the rules make:
 * no crash, output that parses and keeps every comment, a fix loop that
 * converges (a second `--fix` changes nothing).
 */
export function createChecker(options: CheckerOptions): (name: string, text: string) => FileReport {
  const linter = new Linter({ cwd: options.cwd });
  const withRules = allRulesConfig({ typeAware: options.typeAware, tsconfigRootDir: options.cwd, withRules: true });
  const parseOnly = allRulesConfig({ typeAware: false, withRules: false });
  const verifyOptions = { allowInlineConfig: false };

  /** Comment texts of code that parses, or undefined when it does not. */
  function commentsOf(text: string, filename: string): string[] | undefined {
    const messages = linter.verify(text, parseOnly, { filename, ...verifyOptions });
    if (messages.some((message) => message.fatal === true)) return undefined;
    return linter.getSourceCode().getAllComments().map((comment) => `${comment.type}:${comment.value.trim()}`);
  }

  return (filename, text) => {
    const start = Date.now();
    const problems = noProblems();
    const details: string[] = [];
    const fail = (key: keyof Problems, detail: string): void => {
      problems[key]++;
      details.push(`${filename}: ${key}: ${detail}`);
    };
    let messages: Linter.LintMessage[] = [];
    let parseError = false;
    let parseErrorMessage: string | undefined;
    let fixesApplied = false;
    let suggestionsTried = 0;
    // What a user waits for: linting and fixing. Checking suggestions (a parse each) is the harness's own cost.
    let lintMs = 0;
    try {
      messages = linter.verify(text, withRules, { filename, ...verifyOptions });
      const fatal = messages.find((message) => message.fatal === true);
      const unlinted = messages.find((message) => message.ruleId === null && message.fatal !== true);
      if (unlinted !== undefined) fail('crashes', `not linted: ${unlinted.message}`);
      if (fatal !== undefined) {
        parseError = true;
        parseErrorMessage = `${fatal.line}:${fatal.column} ${fatal.message}`;
        // A parser stack overflow has no position; the message still says what happened.
        if (!/^Parsing error: \S/.test(fatal.message)) fail('unclearParseErrors', fatal.message);
      } else {
        let originalComments: string[] | undefined;
        const original = (): string[] => (originalComments ??= commentsOf(text, filename) ?? []);
        const fixed = messages.some((message) => message.fix !== undefined)
          ? linter.verifyAndFix(text, withRules, { filename, ...verifyOptions })
          : { fixed: false, output: text };
        if (fixed.fixed) {
          fixesApplied = true;
          const comments = commentsOf(fixed.output, filename);
          if (comments === undefined) fail('unparsableFixes', 'the fixed file does not parse');
          else checkComments(original(), comments, 'fix', fail);
          const again = linter.verifyAndFix(fixed.output, withRules, { filename, ...verifyOptions });
          if (again.fixed) fail('nonConvergingFixes', 'a second --fix changed the fixed file');
        }
        lintMs = Date.now() - start;
        for (const message of messages) {
          for (const suggestion of message.suggestions ?? []) {
            // Each suggestion costs a parse of the whole file: a 2 MB bundle with thousands would take hours,
            // so the checks stop at a count and at half the file's time limit.
            if (suggestionsTried >= MAX_SUGGESTIONS_PER_FILE || Date.now() - start > options.timeLimitMs / 2) break;
            suggestionsTried++;
            const [from, to] = suggestion.fix.range;
            const output = text.slice(0, from) + suggestion.fix.text + text.slice(to);
            const comments = commentsOf(output, filename);
            const where = `${message.ruleId ?? '?'} at ${message.line}:${message.column} ("${suggestion.desc}")`;
            if (comments === undefined) fail('unparsableSuggestions', where);
            else checkComments(original(), comments, `suggestion ${where}`, fail);
          }
        }
      }
    } catch (error) {
      fail('crashes', error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join(' | ') : String(error));
    }
    const ms = lintMs === 0 ? Date.now() - start : lintMs;
    if (ms > options.timeLimitMs) fail('hangs', `linting took ${ms} ms, over the ${options.timeLimitMs} ms limit`);
    return {
      name: filename,
      ...problems,
      parseError,
      parseErrorMessage,
      findings: messages.filter((message) => message.ruleId !== null).length,
      fixesApplied,
      suggestionsTried,
      ms,
      details,
    };
  };
}

/** Every comment of the input must still be there (a fix may add some). */
function checkComments(before: readonly string[], after: readonly string[], what: string, fail: (key: keyof Problems, detail: string) => void): void {
  const remaining = new Map<string, number>();
  for (const comment of after) remaining.set(comment, (remaining.get(comment) ?? 0) + 1);
  for (const comment of before) {
    const count = remaining.get(comment) ?? 0;
    if (count === 0) {
      fail('lostComments', `${what} dropped ${JSON.stringify(comment.slice(0, 80))}`);
      return;
    }
    remaining.set(comment, count - 1);
  }
}

/** Adds the counts of many reports. */
export function totals(reports: readonly FileReport[]): Problems & { files: number; parseErrors: number; findings: number; fixedFiles: number; suggestions: number } {
  const sum = { ...noProblems(), files: reports.length, parseErrors: 0, findings: 0, fixedFiles: 0, suggestions: 0 };
  for (const report of reports) {
    for (const key of PROBLEM_KEYS) sum[key] += report[key];
    if (report.parseError) sum.parseErrors++;
    sum.findings += report.findings;
    if (report.fixesApplied) sum.fixedFiles++;
    sum.suggestions += report.suggestionsTried;
  }
  return sum;
}
