import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { buildLintConfig } from '../cli/lint-config';
import { oxlintConfig, PLUGIN_ENTRY, type RuleEntry } from '../cli/oxlint/oxlint-config';
import type { OxlintInstall } from '../cli/oxlint/find-oxlint';
import { PLUGIN_ERROR } from '../cli/oxlint/oxlint-results';
import { runOxlint, type OxlintRun } from '../cli/oxlint/run-oxlint';
import { allRuleLevels } from './all-rules-config';

/** One finding, as both engines can tell it. */
export interface Finding {
  /** Relative to the compared folder, POSIX separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  /** `async-guard/rule`, or null for a file the engine could not lint. */
  readonly rule: string | null;
  readonly message: string;
}

export interface EngineFindings {
  readonly findings: Finding[];
  /** Files whose lint failed: parse errors, or (oxlint) a rule that threw. */
  readonly failures: Finding[];
}

export type Rules = Record<string, RuleEntry>;

/** Which rules run: on every file, then per glob (relative to `cwd`), later entries winning. */
export interface RuleSetup {
  readonly rules?: Rules;
  readonly overrides?: { files: string[]; rules: Rules }[];
}

/**
 * ESLint as the CLI runs it (typescript-eslint for TypeScript, espree with
 * the typescript-eslint fallback for JavaScript), with these rules, on these
 * files; nothing ignored.
 */
export async function eslintFindings(files: readonly string[], cwd: string, setup: RuleSetup = {}): Promise<EngineFindings> {
  return collect(await createComparedEslint(cwd, setup, false).lintFiles([...files]), cwd);
}

export function createComparedEslint(cwd: string, setup: RuleSetup, fix: boolean): ESLint {
  const rules = (setup.rules ?? allRuleLevels()) as Linter.RulesRecord;
  const config = buildLintConfig({ typeAware: false, cwd })
    .filter((block) => block.files !== undefined)
    .map((block): Linter.Config => (block.rules === undefined ? block : { ...block, rules }));
  for (const override of setup.overrides ?? []) config.push({ files: override.files, rules: override.rules as Linter.RulesRecord });
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false, errorOnUnmatchedPattern: false, fix });
}

/** oxlint with async-guard as its JS plugin, the same rules, the same files. */
export async function oxlintFindings(
  files: readonly string[],
  cwd: string,
  setup: RuleSetup & { jsPlugin?: string; install?: OxlintInstall } = {},
): Promise<EngineFindings> {
  return collect(await runOxlint(files, comparedOxlintRun(cwd, setup, false)), cwd);
}

export function comparedOxlintRun(cwd: string, setup: RuleSetup & { jsPlugin?: string; install?: OxlintInstall }, fix: boolean): OxlintRun {
  const config = { ...oxlintConfig(setup.rules ?? allRuleLevels(), setup.jsPlugin), ...(setup.overrides === undefined ? {} : { overrides: setup.overrides }) };
  // A rule switched on only in overrides still needs the plugin loaded.
  if (config.jsPlugins.length === 0 && (setup.overrides?.length ?? 0) > 0) config.jsPlugins.push(setup.jsPlugin ?? PLUGIN_ENTRY);
  // `overrides` globs are relative to the config file: then it goes into `cwd` (for the run only).
  const configDir = setup.overrides === undefined ? {} : { configDir: cwd };
  return { cwd, config, fix, ...configDir, ...(setup.install === undefined ? {} : { install: setup.install }) };
}

function collect(results: readonly ESLint.LintResult[], cwd: string): EngineFindings {
  const findings: Finding[] = [];
  const failures: Finding[] = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      const finding: Finding = {
        file,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        rule: message.ruleId,
        message: message.message,
      };
      if (message.fatal === true) failures.push(finding);
      else if (message.ruleId?.startsWith('async-guard/') === true) findings.push(finding);
    }
  }
  return { findings, failures };
}

export interface FindingsDiff {
  /** Found by ESLint only. */
  readonly onlyEslint: Finding[];
  /** Found by oxlint only. */
  readonly onlyOxlint: Finding[];
  /** Same file, line, column and rule, different text. */
  readonly messageDiffers: [Finding, Finding][];
  readonly same: number;
}

const keyOf = (finding: Finding): string => `${finding.file}:${finding.line}:${finding.column}:${finding.rule ?? ''}`;

/** Findings matched by file, line, column and rule (each key as many times as it occurs). */
export function diffFindings(eslint: readonly Finding[], oxlint: readonly Finding[]): FindingsDiff {
  const pending = new Map<string, Finding[]>();
  for (const finding of oxlint) {
    const list = pending.get(keyOf(finding)) ?? [];
    list.push(finding);
    pending.set(keyOf(finding), list);
  }
  const onlyEslint: Finding[] = [];
  const messageDiffers: [Finding, Finding][] = [];
  let same = 0;
  for (const finding of eslint) {
    const list = pending.get(keyOf(finding));
    const index = list?.findIndex((other) => other.message === finding.message) ?? -1;
    const match = list === undefined || list.length === 0 ? undefined : list.splice(index === -1 ? 0 : index, 1)[0];
    if (match === undefined) onlyEslint.push(finding);
    else if (match.message !== finding.message) messageDiffers.push([finding, match]);
    else same++;
  }
  return { onlyEslint, onlyOxlint: [...pending.values()].flat(), messageDiffers, same };
}

/** Findings of a failing run that are oxlint's JS plugin crashing (not parse errors). */
export function pluginErrors(failures: readonly Finding[]): Finding[] {
  return failures.filter((failure) => PLUGIN_ERROR.test(failure.message));
}
