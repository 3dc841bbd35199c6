import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ESLint } from 'eslint';
import { findOxlint, type OxlintInstall } from './find-oxlint';
import type { OxlintConfig } from './oxlint-config';
import { toLintResults, type OxlintReport } from './oxlint-results';

export interface OxlintRun {
  readonly cwd: string;
  readonly config: OxlintConfig;
  /** Apply the fixes (oxlint writes the files itself). */
  readonly fix?: boolean;
  readonly install?: OxlintInstall;
  /** Where to write the config (its `overrides` globs are relative to it); default: a temporary folder. */
  readonly configDir?: string;
  /** More oxlint options (`--fix-suggestions`). */
  readonly extraArgs?: readonly string[];
}

/** Files per oxlint process: keeps each command line far below the system's limit. */
const FILES_PER_RUN = 2000;

/**
 * Lints the files with oxlint and async-guard as a JS plugin; the findings
 * come back as ESLint's results (UTF-16 columns, `async-guard/rule` ids), so
 * formatters, notices and exit codes are the CLI's own.
 */
export async function runOxlint(files: readonly string[], run: OxlintRun): Promise<ESLint.LintResult[]> {
  const install = run.install ?? findOxlint(run.cwd);
  const dir = run.configDir ?? (await mkdtemp(path.join(os.tmpdir(), 'async-guard-oxlint-')));
  const configFile = path.join(dir, `.oxlintrc.async-guard-${process.pid}.json`);
  try {
    await writeFile(configFile, JSON.stringify(run.config));
    const results: ESLint.LintResult[] = [];
    for (let start = 0; start < files.length; start += FILES_PER_RUN) {
      const chunk = files.slice(start, start + FILES_PER_RUN);
      const args = [install.bin, '-c', configFile, '-f', 'json', '--no-ignore', ...(run.fix === true ? ['--fix'] : []), ...(run.extraArgs ?? []), ...chunk];
      const report = await runJson(args, run.cwd);
      results.push(...toLintResults(report, chunk, run.cwd));
    }
    return results;
  } finally {
    await (run.configDir === undefined ? rm(dir, { recursive: true, force: true }) : rm(configFile, { force: true }));
  }
}

function runJson(args: string[], cwd: string): Promise<OxlintReport> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      // Exit code 1 means findings; anything unparseable is a failure of oxlint itself.
      try {
        resolve(JSON.parse(stdout) as OxlintReport);
      } catch {
        reject(new Error(`oxlint failed${error === null ? '' : ` (${error.message.split('\n')[0] ?? ''})`}: ${stderr.trim() || stdout.trim()}`));
      }
    });
  });
}
