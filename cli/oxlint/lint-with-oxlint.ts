import type { ESLint } from 'eslint';
import { RECOMMENDED_RULES } from '../../rules/configs';
import type { OxlintInstall } from './find-oxlint';
import { oxlintConfig } from './oxlint-config';
import { runOxlint } from './run-oxlint';

/** `async-guard --engine oxlint`: the CLI's rules (the recommended set) run by oxlint on the files the CLI chose. */
export function lintWithOxlint(files: readonly string[], options: { cwd: string; fix: boolean; install: OxlintInstall }): Promise<ESLint.LintResult[]> {
  const config = oxlintConfig(RECOMMENDED_RULES);
  return runOxlint(files, { cwd: options.cwd, config, fix: options.fix, install: options.install });
}
