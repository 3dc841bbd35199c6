import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { buildLintConfig } from '../cli/lint-config';
import { oxlintConfig, type RuleEntry } from '../cli/oxlint/oxlint-config';
import type { OxlintInstall } from '../cli/oxlint/find-oxlint';
import { PLUGIN_ERROR } from '../cli/oxlint/oxlint-results';
import { runOxlint } from '../cli/oxlint/run-oxlint';
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

/**
 * ESLint as the CLI runs it (typescript-eslint for TypeScript, espree with
 * the typescript-eslint fallback for JavaScript), with these rules, on these
 * files; nothing ignored.
 */
export async function eslintFindings(files: readonly string[], cwd: string, rules: Rules = allRuleLevels()): Promise<EngineFindings> {
  const config = buildLintConfig({ typeAware: false, cwd }).map((block): Linter.Config =>
    block.rules === undefined ? block : { ...block, rules: rules as Linter.RulesRecord },
  );
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config.filter((block) => block.files !== undefined), ignore: false, errorOnUnmatchedPattern: false });
  return collect(await eslint.lintFiles([...files]), cwd);
}

/** oxlint with async-guard as its JS plugin, the same rules, the same files. */
export async function oxlintFindings(
  files: readonly string[],
  cwd: string,
  options: { rules?: Rules; jsPlugin?: string; install?: OxlintInstall } = {},
): Promise<EngineFindings> {
  const config = oxlintConfig(options.rules ?? allRuleLevels(), options.jsPlugin);
  return collect(await runOxlint(files, { cwd, config, ...(options.install === undefined ? {} : { install: options.install }) }), cwd);
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
