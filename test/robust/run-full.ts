import * as fs from 'node:fs';
import * as path from 'node:path';
import { materializeCorpus, selectCorpus } from '../../bench/corpus';
import { fuzzCases, type FuzzCase } from './fuzz-cases';
import { PROBLEM_KEYS, totals, type FileReport } from './harness';
import { checkInWorker, type Job } from './worker-pool';
import { formatTotals, writeCases, writeTsconfig } from './workspace';

/**
 * `npm run test:robust [-- --seed N]`: the whole corpus and the full fuzz
 * set, every rule, both modes. Prints the counts table; exits 1 when any
 * problem count is not zero. Details go to .bench/robust-details.txt.
 */
const PACKAGE_ROOT = path.join(__dirname, '..', '..', '..');
const NODE_MODULES = path.join(PACKAGE_ROOT, 'node_modules');
const WORK_DIR = path.join(PACKAGE_ROOT, '.bench', 'robust');
/** Over this a file counts as a hang (the 2 MB bundle needs about 15 s of parsing on a quiet 2-core machine). */
const TIME_LIMIT_MS = 120_000;
/** Past this the worker is killed: an endless loop. */
const HARD_LIMIT_MS = 300_000;

async function main(): Promise<void> {
  const seedIndex = process.argv.indexOf('--seed');
  const seed = seedIndex === -1 ? 8 : Number(process.argv[seedIndex + 1]);
  fs.rmSync(WORK_DIR, { recursive: true, force: true });
  const corpus = selectCorpus(NODE_MODULES);
  const corpusDir = path.join(WORK_DIR, 'corpus');
  const corpusJobs: Job[] = materializeCorpus(corpus.files, NODE_MODULES, corpusDir, { tsconfig: false }).map((name) => ({ name }));
  writeTsconfig(corpusDir);

  // Every 100th corpus file is mutated too, so the fuzzing also starts from real code.
  const corpusSeeds: FuzzCase[] = corpusJobs
    .filter((_, index) => index % 100 === 0)
    .map((job, index) => ({ name: `corpus-${index}${path.extname(job.name)}`, text: fs.readFileSync(job.name, 'utf8'), mustParse: true }));
  const fuzzDir = path.join(WORK_DIR, 'fuzz');
  const fuzzJobs = writeCases(fuzzCases({ seed, perKind: 10, pyramidDepth: 3000, bundleBytes: 2 * 1024 * 1024, extraSeeds: corpusSeeds }), fuzzDir);
  writeTsconfig(fuzzDir);

  const rows: [string, FileReport[]][] = [];
  const runs: [string, readonly Job[], boolean, string][] = [
    ['corpus, syntactic', corpusJobs, false, corpusDir],
    ['corpus, type-aware', corpusJobs, true, corpusDir],
    ['fuzz, syntactic', fuzzJobs, false, fuzzDir],
    ['fuzz, type-aware', fuzzJobs, true, fuzzDir],
  ];
  for (const [label, jobs, typeAware, cwd] of runs) {
    const start = Date.now();
    const reports = await checkInWorker(jobs, {
      typeAware,
      cwd,
      timeLimitMs: TIME_LIMIT_MS,
      hardLimitMs: HARD_LIMIT_MS,
      onReport: (report, index) => {
        if (report.details.length > 0) process.stderr.write(`${report.details.join('\n')}\n`);
        if ((index + 1) % 250 === 0) process.stderr.write(`robust: ${label}: ${index + 1}/${jobs.length}\n`);
      },
    });
    process.stderr.write(`robust: ${label}: ${reports.length} files in ${((Date.now() - start) / 1000).toFixed(0)} s\n`);
    rows.push([label, reports]);
  }
  const slowest = rows.flatMap(([, reports]) => reports).sort((a, b) => b.ms - a.ms).slice(0, 3);
  const table = formatTotals(rows);
  const details = rows.flatMap(([, reports]) => reports.flatMap((report) => report.details));
  fs.writeFileSync(path.join(PACKAGE_ROOT, '.bench', 'robust-details.txt'), `${details.join('\n')}\n`);
  process.stdout.write(`Corpus: ${corpusJobs.length} files (fingerprint ${corpus.fingerprint}); fuzz: ${fuzzJobs.length} cases (seed ${seed})\n\n${table}\n\n`);
  process.stdout.write(`Slowest files: ${slowest.map((report) => `${path.relative(WORK_DIR, report.name)} ${report.ms} ms`).join(', ')}\n`);
  const problems = rows.reduce((sum, [, reports]) => sum + PROBLEM_KEYS.reduce((count, key) => count + totals(reports)[key], 0), 0);
  process.stdout.write(problems === 0 ? 'robust: all problem counts are zero\n' : `robust: ${problems} problem(s), see .bench/robust-details.txt\n`);
  process.exitCode = problems === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
