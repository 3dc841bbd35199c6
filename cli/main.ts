import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { buildLintConfig } from './lint-config';
import { isOutsideTypeProject, separateNotices, type Notice } from './notices';
import { parseCliOptions, UsageError, USAGE, type CliOptions } from './options';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** Runs the CLI; resolves to the exit code (0 clean, 1 findings, 2 usage error). */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`async-guard: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${readVersion()}\n`);
    return 0;
  }

  const present = await Promise.all(options.paths.map((target) => exists(path.resolve(io.cwd, target))));
  const missing = options.paths.filter((_target, index) => present[index] !== true);
  for (const target of missing) io.stderr(`async-guard: ${target}: no such file or directory\n`);
  const existing = options.paths.filter((target) => !missing.includes(target));
  if (existing.length === 0) return 2;

  const results = await lint(existing, options, io);
  const { findings, notices } = separateNotices(results, io.cwd);
  for (const notice of notices) io.stderr(`async-guard: ${notice.text}\n`);
  if (options.fix) await ESLint.outputFixes(findings);

  const eslint = new ESLint({ cwd: io.cwd, overrideConfigFile: true });
  const formatter = await eslint.loadFormatter(options.format);
  const output = await formatter.format(options.format === 'json' ? results : findings);
  if (output.length > 0) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
  if (options.format === 'stylish' && findings.every((result) => result.messages.length === 0)) {
    io.stderr(`async-guard: ${describeClean(findings.length, notices)}\n`);
  }

  if (missing.length > 0) return 2;
  return findings.some((result) => result.messages.length > 0) ? 1 : 0;
}

async function lint(paths: string[], options: CliOptions, io: CliIo): Promise<ESLint.LintResult[]> {
  const syntactic = new ESLint({
    cwd: io.cwd,
    overrideConfigFile: true,
    overrideConfig: buildLintConfig({ typeAware: false, cwd: io.cwd }),
    fix: options.fix,
    errorOnUnmatchedPattern: false,
  });
  if (!options.typeAware) return syntactic.lintFiles(paths);

  const typed = new ESLint({
    cwd: io.cwd,
    overrideConfigFile: true,
    overrideConfig: buildLintConfig({ typeAware: true, cwd: io.cwd }),
    fix: options.fix,
    errorOnUnmatchedPattern: false,
  });
  const results = await typed.lintFiles(paths);
  // Files no tsconfig covers are still linted, without types.
  const uncovered = results.filter(isOutsideTypeProject).map((result) => result.filePath);
  if (uncovered.length === 0) return results;
  io.stderr(`async-guard: ${uncovered.length} file(s) outside every tsconfig.json: linted without type information\n`);
  const fallback = new Map((await syntactic.lintFiles(uncovered)).map((result) => [result.filePath, result]));
  return results.map((result) => fallback.get(result.filePath) ?? result);
}

function describeClean(fileCount: number, notices: readonly Notice[]): string {
  const skipped = notices.length > 0 ? `, ${notices.length} skipped` : '';
  return `no problems found in ${fileCount} file(s)${skipped}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.access(file);
    return true;
  } catch {
    return false;
  }
}

function readVersion(): string {
  const packageJson = path.join(__dirname, '..', '..', 'package.json');
  return (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
