import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { materializeCorpus, selectCorpus } from '../../bench/corpus';
import { fuzzCases } from './fuzz-cases';
import { PROBLEM_KEYS, totals, type FileReport } from './harness';
import { checkInWorker } from './worker-pool';
import { formatTotals, writeCases, writeTsconfig } from './workspace';

/**
 * The bounded, deterministic part of `npm run test:robust`: a fixed slice of
 * the corpus and a small fixed fuzz set, in both modes. The full run is
 * `npm run test:robust` (test/robust/run-full.ts).
 */
const NODE_MODULES = path.join(__dirname, '..', '..', '..', 'node_modules');
const TIME_LIMIT_MS = 20_000;

function assertClean(label: string, reports: readonly FileReport[]): void {
  const sum = totals(reports);
  const details = reports.flatMap((report) => report.details).slice(0, 20);
  for (const key of PROBLEM_KEYS) assert.equal(sum[key], 0, `${label}: ${key}\n${details.join('\n')}`);
}

describe('robustness (bounded subset)', function () {
  this.timeout(120_000);
  let dir: string;
  const rows: [string, FileReport[]][] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-robust-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (process.env.ROBUST_VERBOSE !== undefined) process.stdout.write(`\n${formatTotals(rows)}\n`);
  });

  it('lints a fixed slice of the corpus in both modes: no crash, fixes and suggestions parse and keep comments', async () => {
    const corpus = selectCorpus(NODE_MODULES).files.filter((_, index) => index % 50 === 0);
    const project = path.join(dir, 'corpus');
    const files = materializeCorpus(corpus, NODE_MODULES, project, { tsconfig: false });
    writeTsconfig(project);
    const jobs = files.map((name) => ({ name }));
    const syntactic = await checkInWorker(jobs, { typeAware: false, cwd: project, timeLimitMs: TIME_LIMIT_MS, hardLimitMs: 60_000 });
    const typed = await checkInWorker(jobs.filter((_, index) => index % 3 === 0), { typeAware: true, cwd: project, timeLimitMs: TIME_LIMIT_MS, hardLimitMs: 60_000 });
    rows.push(['corpus slice, syntactic', syntactic], ['corpus slice, type-aware', typed]);
    assert.equal(syntactic.length, 40);
    assertClean('syntactic', syntactic);
    assertClean('type-aware', typed);
  });

  it('survives fuzzed input, degenerate files, a 1,000-level pyramid, a minified bundle and unusual syntax', async () => {
    const project = path.join(dir, 'fuzz');
    const cases = fuzzCases({ seed: 8, perKind: 3, pyramidDepth: 1000, bundleBytes: 256 * 1024 });
    const jobs = writeCases(cases, project);
    writeTsconfig(project);
    const syntactic = await checkInWorker(jobs, { typeAware: false, cwd: project, timeLimitMs: TIME_LIMIT_MS, hardLimitMs: 60_000 });
    rows.push(['fuzz, syntactic', syntactic]);
    assertClean('fuzz, syntactic', syntactic);
    assert.ok(syntactic.some((report) => report.parseError), 'the mutations produce some unparsable input');
    assert.ok(syntactic.some((report) => report.findings > 0), 'the rules report on the seeds');
    // With types: the valid cases (unusual syntax, seeds, pyramid).
    const valid = jobs.filter((job) => job.mustParse === true && !job.name.endsWith('minified-bundle.js'));
    const typed = await checkInWorker(valid, { typeAware: true, cwd: project, timeLimitMs: TIME_LIMIT_MS, hardLimitMs: 60_000 });
    rows.push(['fuzz (valid cases), type-aware', typed]);
    assertClean('fuzz, type-aware', typed);
  });
});
