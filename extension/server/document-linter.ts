import * as path from 'node:path';
import { Linter } from 'eslint';
import { isNestingRefusal } from '../../rules/parsers/nesting-guard';
import { builtInConfig, type TypeAwareProject } from './lint-config';
import type { LintPlugin } from './plugin-shape';

export interface LintRequest {
  text: string;
  /** Absolute path with a JS/TS extension (a made-up one for untitled documents). */
  filePath: string;
  rules: Linter.RulesRecord;
  /** Lint with this project's type information; undefined = syntactic. */
  project?: TypeAwareProject | undefined;
}

export type LintOutcome =
  | { kind: 'problems'; messages: Linter.LintMessage[] }
  /** The file does not parse (half-typed code), or the type-aware parser could not place it in a project. */
  | { kind: 'parseError'; message: string }
  /** Nested deeper than the stack can hold (rules/parsers/nesting-guard.ts): not linted, and the user should know why. */
  | { kind: 'refused'; message: string }
  /** Something other than a rule failed (the parser itself); already logged. */
  | { kind: 'failed' };

/**
 * Runs ESLint's `Linter` with the built-in config. A rule that throws is
 * logged once and left out for that file, so the other rules still report.
 */
export class DocumentLinter {
  private readonly linters = new Map<string, Linter>();
  private readonly brokenRules = new Map<string, Set<string>>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly plugin: LintPlugin,
    private readonly log: (message: string) => void,
  ) {}

  lint(request: LintRequest): LintOutcome {
    return this.withBrokenRulesLeftOut(request, (linter, config, ruleFilter) => {
      const messages = linter.verify(request.text, config, { filename: request.filePath, ruleFilter } as Linter.LintOptions);
      const fatal = messages.find((message) => message.fatal === true);
      if (fatal !== undefined && isNestingRefusal(fatal.message)) return { kind: 'refused', message: fatal.message.replace(/^Parsing error: /, '') };
      if (fatal !== undefined) return { kind: 'parseError', message: `${fatal.line}:${fatal.column} ${fatal.message}` };
      return { kind: 'problems', messages };
    });
  }

  /** The text after applying, pass after pass, every fix `shouldFix` accepts; undefined when nothing changes. */
  fix(request: LintRequest, shouldFix: (message: Linter.LintMessage) => boolean): string | undefined {
    const outcome = this.withBrokenRulesLeftOut(request, (linter, config, ruleFilter) => {
      // Both options exist at run time (ESLint's own `ESLint` class passes them); its types list neither on `Linter`.
      const options = { filename: request.filePath, ruleFilter, fix: shouldFix } as unknown as Linter.FixOptions;
      const report = linter.verifyAndFix(request.text, config, options);
      return { kind: 'problems', messages: [], output: report.fixed ? report.output : undefined };
    });
    return 'output' in outcome ? outcome.output : undefined;
  }

  private withBrokenRulesLeftOut<T extends LintOutcome>(
    request: LintRequest,
    run: (linter: Linter, config: Linter.Config[], ruleFilter: (rule: { ruleId: string }) => boolean) => T,
  ): T | LintOutcome {
    const linter = this.linterFor(request.filePath);
    const config = builtInConfig(this.plugin, request.rules, request.project);
    const broken = this.brokenRules.get(request.filePath) ?? new Set<string>();
    // Each pass leaves out one more failing rule; the number of rules bounds the loop.
    for (let attempt = 0; attempt <= Object.keys(request.rules).length; attempt++) {
      try {
        return run(linter, config, ({ ruleId }) => !broken.has(ruleId));
      } catch (error) {
        const ruleId = failingRule(error);
        if (ruleId === undefined || broken.has(ruleId)) {
          this.logOnce(`internal:${request.filePath}`, `async-guard: linting ${request.filePath} failed: ${describe(error)}`);
          return { kind: 'failed' };
        }
        broken.add(ruleId);
        this.brokenRules.set(request.filePath, broken);
        this.logOnce(
          `${ruleId}:${request.filePath}`,
          `async-guard: rule ${ruleId} crashed on ${request.filePath}; it is turned off for this file, the other rules still run. ${describe(error)}`,
        );
      }
    }
    return { kind: 'failed' };
  }

  /** A file that changed may no longer crash a rule: give the rules another chance after an edit. */
  forgetBrokenRules(filePath: string): void {
    this.brokenRules.delete(filePath);
  }

  private linterFor(filePath: string): Linter {
    // Configs match files relative to the Linter's cwd; the file system root matches every absolute path.
    const root = path.parse(filePath).root;
    let linter = this.linters.get(root);
    if (linter === undefined) {
      linter = new Linter({ cwd: root, configType: 'flat' });
      this.linters.set(root, linter);
    }
    return linter;
  }

  private logOnce(key: string, message: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log(message);
  }
}

function failingRule(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { ruleId, message } = error as { ruleId?: unknown; message?: unknown };
  if (typeof ruleId === 'string') return ruleId;
  // ESLint 9 names the rule only in the message.
  const match = typeof message === 'string' ? /\nRule: "([^"]+)"/.exec(message) : null;
  return match?.[1];
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
