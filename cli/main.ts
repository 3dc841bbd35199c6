import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { runConvert } from './convert-command';
import { createEslint, supportsConcurrency, type LintSettings } from './eslint-instance';
import { collectFiles } from './file-list';
import { loadFormatter, MissingFormatterError } from './formatter';
import { lintContainingCrashes } from './contain-crashes';
import { runLanguageServer } from './language-server-command';
import { lintInChunks, terminalProgress, type ProgressReporter } from './lint-in-chunks';
import { isOutside, outsideByRoot } from './outside-files';
import { findOxlint, OxlintMissingError, type OxlintInstall } from './oxlint/find-oxlint';
import { lintWithOxlint } from './oxlint/lint-with-oxlint';
import { isOutsideTypeProject, separateNotices, type Notice } from './notices';
import { parseCliOptions, UsageError, USAGE, type CliOptions } from './options';
import { formatSummary } from './summary';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Whether stderr is a terminal: only then is a progress line drawn. */
  readonly stderrIsTTY?: boolean;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY,
};

/** Runs the CLI; resolves to the exit code (0 clean, 1 findings, 2 usage error). */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  if (argv.includes('--lsp')) return runLanguageServer(argv.filter((argument) => argument !== '--lsp'), io);
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
  let oxlint: OxlintInstall | undefined;
  if (options.engine === 'oxlint') {
    try {
      oxlint = findOxlint(io.cwd);
    } catch (error) {
      if (!(error instanceof OxlintMissingError)) throw error;
      io.stderr(`async-guard: ${error.message}\n`);
      return 2;
    }
    if (options.concurrency !== 'off') io.stderr('async-guard: oxlint lints in threads of its own: --concurrency ignored\n');
  } else if (options.concurrency !== 'off' && !supportsConcurrency()) {
    io.stderr(`async-guard: ESLint ${ESLint.version} cannot lint in worker threads (9.34 or later can): --concurrency ignored\n`);
  }

  let targets = options.paths;
  if (options.filesFrom !== undefined) {
    const listFile = path.resolve(io.cwd, options.filesFrom);
    if (!(await exists(listFile))) {
      io.stderr(`async-guard: ${options.filesFrom}: no such file or directory (--files-from)\n`);
      return 2;
    }
    targets = [...targets, ...readPathList(listFile)];
  }
  const present = await Promise.all(targets.map((target) => exists(path.resolve(io.cwd, target))));
  const missing = targets.filter((_target, index) => present[index] !== true);
  for (const target of missing) io.stderr(`async-guard: ${target}: no such file or directory\n`);
  const existing = targets.filter((target) => !missing.includes(target));
  if (existing.length === 0) return 2;

  const settings: LintSettings = {
    cwd: io.cwd,
    typeAware: false,
    fix: options.fix,
    concurrency: options.concurrency,
    cache: options.cache,
    cacheLocation: path.resolve(io.cwd, options.cacheLocation),
    cacheStrategy: options.cacheStrategy,
  };
  const syntactic = await createEslint(settings);
  if (options.convert) {
    const code = await runConvert(existing, { dryRun: options.dryRun, diff: options.diff, api: options.api, deferSyncCallbacks: options.deferSyncCallbacks, maxFileSizeBytes: options.maxFileSizeBytes, eslint: syntactic }, io);
    return missing.length > 0 ? 2 : code;
  }
  let formatter: ESLint.Formatter;
  try {
    formatter = await loadFormatter(syntactic, options.format, io.cwd);
  } catch (error) {
    if (!(error instanceof MissingFormatterError)) throw error;
    io.stderr(`async-guard: ${error.message}\n`);
    return 2;
  }

  const { files, notices: skipped } = await collectFiles(existing, { cwd: io.cwd, maxFileSizeBytes: options.maxFileSizeBytes, eslint: syntactic });
  const progress = io.stderrIsTTY === true ? terminalProgress(io.stderr) : undefined;
  const results =
    oxlint === undefined
      ? await lintEverywhere(files, { options, settings, syntactic, io, progress: progress?.report })
      : await lintWithOxlint(files, { cwd: io.cwd, fix: options.fix, install: oxlint });
  progress?.clear();
  const separated = separateNotices(results, io.cwd);
  const findings = separated.findings;
  const notices = [...skipped, ...separated.notices];
  for (const notice of notices) io.stderr(`async-guard: ${notice.text}\n`);
  if (options.fix) await ESLint.outputFixes(findings);

  const output = await formatter.format(options.format === 'json' ? results : findings);
  if (output.length > 0) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
  const counts = countFindings(findings);
  if (options.summary) {
    // Machine-readable output stays parseable: the table goes to stderr then.
    const write = options.format === 'stylish' ? io.stdout : io.stderr;
    write(`${formatSummary(findings)}\n`);
  }
  if (options.format === 'stylish' && counts.errors + counts.warnings === 0) {
    io.stderr(`async-guard: ${describeClean(findings.length, notices)}\n`);
  }

  if (missing.length > 0) return 2;
  if (options.maxWarnings === undefined) return counts.errors + counts.warnings > 0 ? 1 : 0;
  if (counts.warnings > options.maxWarnings) {
    io.stderr(`async-guard: ${counts.warnings} warning(s), more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return counts.errors > 0 ? 1 : 0;
}

interface LintRun {
  readonly options: CliOptions;
  readonly settings: LintSettings;
  readonly syntactic: ESLint;
  readonly io: CliIo;
  readonly progress: ProgressReporter | undefined;
}

/** Lints the files inside `run.settings.cwd` with the run's ESLint, and those outside it with an ESLint based at their file system root. */
async function lintEverywhere(files: readonly string[], run: LintRun): Promise<ESLint.LintResult[]> {
  const cwd = run.settings.cwd;
  const results = await lint(files.filter((file) => !isOutside(cwd, file)), run);
  for (const [root, outside] of outsideByRoot(cwd, files)) {
    // Based at the file system root, the config matches these files too; no cache, so the main one is not rewritten.
    const rootSettings: LintSettings = { ...run.settings, cwd: root, cache: false };
    const rootEslint = await createEslint(rootSettings);
    results.push(...(await lint(outside, { ...run, settings: rootSettings, syntactic: rootEslint, progress: undefined })));
  }
  return results;
}

async function lint(files: string[], run: LintRun): Promise<ESLint.LintResult[]> {
  const concurrent = run.options.concurrency !== 'off';
  if (!run.options.typeAware) return lintInChunks(run.syntactic, files, { progress: run.progress, concurrent });

  const typed = await createEslint({ ...run.settings, typeAware: true, cacheLocation: typedCacheLocation(run.settings.cacheLocation) });
  const results = await lintInChunks(typed, files, { progress: run.progress, concurrent });
  // Files no tsconfig covers are still linted, without types.
  const uncovered = results.filter(isOutsideTypeProject).map((result) => result.filePath);
  if (uncovered.length === 0) return results;
  run.io.stderr(`async-guard: ${uncovered.length} file(s) outside every tsconfig.json: linted without type information\n`);
  const fallback = new Map((await lintContainingCrashes(run.syntactic, uncovered)).map((result) => [result.filePath, result]));
  return results.map((result) => fallback.get(result.filePath) ?? result);
}

/**
 * Typed results are cached apart from the syntactic fallback's: ESLint
 * keeps one configuration hash per entry and drops entries a run did not
 * visit, so the two instances would wipe each other's cache.
 */
function typedCacheLocation(location: string): string {
  return /[/\\]$/.test(location) ? path.join(location, 'typed') + path.sep : `${location}.typed`;
}

function countFindings(results: readonly ESLint.LintResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.severity === 2) errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

function describeClean(fileCount: number, notices: readonly Notice[]): string {
  const skipped = notices.length > 0 ? `, ${notices.length} skipped` : '';
  return `no problems found in ${fileCount} file(s)${skipped}`;
}

/** One path per line; blank lines and `#` comments are skipped. */
function readPathList(listFile: string): string[] {
  return fs
    .readFileSync(listFile, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
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
