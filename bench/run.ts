import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import * as ts from 'typescript';
import { ruleNames } from './all-rules-config';
import { materializeCorpus, selectCorpus, typedSubset, TYPED_STRIDE } from './corpus';
import type { PairedJob, PairedResult } from './paired';
import { oxlintSection } from './oxlint-report';
import { OXLINT_VARIANTS, type OxlintVariant, type OxlintVariantJob, type OxlintVariantResult } from './oxlint-variant';
import { VARIANTS, type Variant, type VariantJob, type VariantResult } from './variant';

/**
 * `npm run bench [-- [--rounds N] [--oxlint] [directory]]`: lints the fixed
 * corpus in four ESLint variants and two oxlint variants, interleaved (one
 * of each per round, each in a fresh process), and prints the medians as
 * markdown tables. `--oxlint` runs only what the oxlint table needs (ESLint
 * parse-only and all rules, the oxlint variants).
 */
const PACKAGE_ROOT = path.join(__dirname, '..', '..');
const WORK_DIR = path.join(PACKAGE_ROOT, '.bench');
const GOALS: Record<'syntactic' | 'typed', number> = { syntactic: 1.05, typed: 1.15 };

interface Args {
  rounds: number;
  extraDir: string | undefined;
  oxlintOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  let rounds = 5;
  let extraDir: string | undefined;
  let oxlintOnly = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--rounds') rounds = Math.max(1, Number(argv[++index]));
    else if (arg === '--oxlint') oxlintOnly = true;
    else extraDir = path.resolve(arg);
  }
  if (!Number.isInteger(rounds)) throw new Error('--rounds needs a whole number');
  return { rounds, extraDir, oxlintOnly };
}

interface Jobs {
  readonly variants: Map<Variant, string>;
  /** The rules variants once more with ESLint's stats on, for the per-rule times. */
  readonly withStats: Map<Variant, string>;
  /** Job files of the paired in-process measurement: syntactic, then typed. */
  readonly paired: [string, string];
  readonly oxlint: Map<OxlintVariant, string>;
  readonly describe: string;
}

/** The paired measurement lints each file twice: every PAIRED_STRIDE-th corpus file keeps it as long as one variant. */
const PAIRED_STRIDE = 2;

function prepareJobs(args: Args): Jobs {
  const nodeModules = path.join(PACKAGE_ROOT, 'node_modules');
  const corpus = selectCorpus(nodeModules);
  const corpusDir = path.join(WORK_DIR, 'corpus');
  const typedDir = path.join(WORK_DIR, 'typed');
  let files = materializeCorpus(corpus.files, nodeModules, corpusDir, { tsconfig: false });
  let typedFiles = materializeCorpus(typedSubset(corpus.files), nodeModules, typedDir, { tsconfig: true });
  let describe = `${files.length} files chosen from ${corpus.candidates} under node_modules (fingerprint ${corpus.fingerprint})`;
  if (args.extraDir !== undefined) {
    const extra = selectCorpus(args.extraDir, Infinity);
    files = files.concat(materializeCorpus(extra.files, args.extraDir, path.join(corpusDir, 'extra'), { tsconfig: false }));
    typedFiles = typedFiles.concat(materializeCorpus(typedSubset(extra.files), args.extraDir, path.join(typedDir, 'extra'), { tsconfig: false }));
    describe += ` + ${extra.files.length} from ${args.extraDir}`;
  }
  describe += `; typed variants: every ${TYPED_STRIDE}th file (${typedFiles.length}), one generated tsconfig.json`;
  const jobs = new Map<Variant, string>();
  const withStats = new Map<Variant, string>();
  for (const variant of VARIANTS) {
    const typed = variant.startsWith('typed');
    for (const stats of [false, true]) {
      const job: VariantJob = { variant, files: typed ? typedFiles : files, cwd: typed ? typedDir : corpusDir, stats };
      const jobFile = path.join(WORK_DIR, `job-${variant.replace(/\W+/g, '-')}${stats ? '-stats' : ''}.json`);
      fs.writeFileSync(jobFile, JSON.stringify(job));
      (stats ? withStats : jobs).set(variant, jobFile);
    }
  }
  const pairedJobs: PairedJob[] = [
    { typeAware: false, files: files.filter((_, index) => index % PAIRED_STRIDE === 0), cwd: corpusDir },
    { typeAware: true, files: typedFiles, cwd: typedDir },
  ];
  const paired = pairedJobs.map((job, index) => {
    const jobFile = path.join(WORK_DIR, `job-paired-${index}.json`);
    fs.writeFileSync(jobFile, JSON.stringify(job));
    return jobFile;
  }) as [string, string];
  const oxlint = new Map<OxlintVariant, string>();
  for (const variant of OXLINT_VARIANTS) {
    const job: OxlintVariantJob = { variant, files, cwd: corpusDir };
    const jobFile = path.join(WORK_DIR, `job-${variant.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(jobFile, JSON.stringify(job));
    oxlint.set(variant, jobFile);
  }
  return { variants: jobs, withStats, paired, oxlint, describe };
}

function runInFreshProcess<Result>(script: string, jobFile: string): Result {
  const output = execFileSync(process.execPath, [path.join(__dirname, script), jobFile], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').pop() as string) as Result;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const ratio = (value: number, base: number): string => `${(value / base).toFixed(3)}×`;

function report(runs: Map<Variant, VariantResult[]>, statsRuns: Map<Variant, VariantResult>, paired: PairedResult[], describe: string, rounds: number): string {
  const wall = (variant: Variant): number => median((runs.get(variant) ?? []).map((run) => run.wallMs));
  const cpu = (variant: Variant): number => median((runs.get(variant) ?? []).map((run) => run.cpuMs));
  const first = (variant: Variant): VariantResult => (runs.get(variant) ?? [])[0] as VariantResult;
  const lines: string[] = [];
  lines.push(`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  lines.push(`- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}; Node ${process.version}, ESLint ${ESLint.version}, TypeScript ${ts.version}`);
  lines.push(`- Corpus: ${describe}`);
  lines.push(`- Rules: ${ruleNames().join(', ')} (every rule the plugin exports, at default options)`);
  lines.push(`- Method: ${rounds} rounds, the paired measurement and the four variants interleaved in each round, each run in a fresh Node process, rules before parse-only in even rounds; medians of wall time and of CPU time (user + system of the linting process) around \`ESLint#lintFiles\`, ESLint's \`stats\` off. The machine is shared, so the ratios use CPU time, which other processes disturb less.`);
  lines.push('');
  lines.push('**Paired, in one process**: each file linted parse-only and with all rules back to back, order alternating, CPU time per call summed, the first 50 files warm-up. Precise for the rules\' own work whatever the load of the machine, but blind to costs a rule spreads over the whole process: garbage collection of memory one variant keeps is charged to both.');
  lines.push('');
  lines.push('| mode | files | parse-only CPU | all rules CPU | ratio (median) | ratio per round | goal |');
  lines.push('| --- | ---: | ---: | ---: | ---: | --- | --- |');
  for (const typeAware of [false, true]) {
    const mine = paired.filter((result) => result.typeAware === typeAware);
    const ratios = mine.map((result) => result.rulesCpuMs / result.parseOnlyCpuMs);
    const limit = GOALS[typeAware ? 'typed' : 'syntactic'];
    lines.push(
      `| ${typeAware ? 'type-aware' : 'syntactic'} | ${mine[0]?.files ?? 0} | ${seconds(median(mine.map((result) => result.parseOnlyCpuMs)))} | ${seconds(median(mine.map((result) => result.rulesCpuMs)))} | ${median(ratios).toFixed(3)}× | ${ratios.map((value) => value.toFixed(3)).join(', ')} | ≤ ${limit}× |`,
    );
  }
  lines.push('');
  lines.push('**Separate processes**, the four variants interleaved per round: what a user pays, garbage collection included. The goal column judges the median of the per-round CPU ratios (each rules run against the parse-only run of the same round, minutes apart at most); the ratio of medians and of minimums are shown beside it. Wall time on a shared machine mostly measures the other tenants.');
  lines.push('');
  lines.push('| variant | files | median wall | median CPU | CPU ratio, per round | median of rounds | of medians | of minimums | wall ratio | goal | findings | parse errors | peak RSS |');
  lines.push('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const variant of VARIANTS) {
    const typed = variant.startsWith('typed');
    const base = typed ? 'typed parse-only' : 'parse-only';
    const results = runs.get(variant) ?? [];
    const isRules = variant.endsWith('rules');
    const limit = GOALS[typed ? 'typed' : 'syntactic'];
    const baseRuns = runs.get(base) ?? [];
    const perRound = results.map((run, index) => run.cpuMs / (baseRuns[index]?.cpuMs ?? run.cpuMs));
    const minimum = (list: readonly VariantResult[]): number => Math.min(...list.map((run) => run.cpuMs));
    const goal = isRules ? `≤ ${limit}×: ${median(perRound) <= limit ? 'met' : 'missed'}` : '';
    lines.push(
      `| ${variant} | ${first(variant).files} | ${seconds(wall(variant))} | ${seconds(cpu(variant))} | ${perRound.map((value) => value.toFixed(3)).join(', ')} | ${median(perRound).toFixed(3)}× | ${ratio(cpu(variant), cpu(base))} | ${ratio(minimum(results), minimum(baseRuns))} | ${ratio(wall(variant), wall(base))} | ${goal} | ${first(variant).findings} | ${first(variant).fatal} | ${Math.max(...results.map((run) => run.maxRssMiB)).toFixed(0)} MiB |`,
    );
  }
  lines.push('');
  const syntacticStats = statsRuns.get('rules');
  const typedStats = statsRuns.get('typed rules');
  lines.push('Per-rule time from one more run of each rules variant with ESLint\'s `stats` on (the time inside each rule\'s listeners), against the parse time the same run measured:');
  lines.push('');
  lines.push('| rule | syntactic | share of parse | type-aware | share of parse |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  lines.push(`| (parse, ESLint stats) | ${seconds(syntacticStats?.parseMs ?? 0)} | | ${seconds(typedStats?.parseMs ?? 0)} | |`);
  for (const name of ruleNames()) {
    const id = `async-guard/${name}`;
    const syntactic = syntacticStats?.ruleMs[id] ?? 0;
    const typed = typedStats?.ruleMs[id] ?? 0;
    lines.push(
      `| ${name} | ${syntactic.toFixed(0)} ms | ${((100 * syntactic) / (syntacticStats?.parseMs ?? 1)).toFixed(1)} % | ${typed.toFixed(0)} ms | ${((100 * typed) / (typedStats?.parseMs ?? 1)).toFixed(1)} % |`,
    );
  }
  lines.push('');
  lines.push('Every run, wall / CPU (ms):');
  lines.push('');
  for (const variant of VARIANTS) {
    lines.push(`- ${variant}: ${(runs.get(variant) ?? []).map((run) => `${run.wallMs.toFixed(0)} / ${run.cpuMs.toFixed(0)}`).join(', ')}`);
  }
  return lines.join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const jobs = prepareJobs(args);
  const describe = jobs.describe;
  process.stderr.write(`bench: ${describe}\n`);
  const runs = new Map<Variant, VariantResult[]>(VARIANTS.map((variant) => [variant, []]));
  const paired: PairedResult[] = [];
  const oxlintRuns = new Map<OxlintVariant, OxlintVariantResult[]>(OXLINT_VARIANTS.map((variant) => [variant, []]));
  for (let round = 1; round <= args.rounds; round++) {
    for (const jobFile of args.oxlintOnly ? [] : jobs.paired) {
      const result = runInFreshProcess<PairedResult>('paired.js', jobFile);
      paired.push(result);
      process.stderr.write(`bench: round ${round}/${args.rounds} paired ${result.typeAware ? 'type-aware' : 'syntactic'}: ${(result.rulesCpuMs / result.parseOnlyCpuMs).toFixed(3)}×\n`);
    }
    // Every other round runs each rules variant before its parse-only floor, so a drift in the machine's load does not favour one side.
    const order: readonly Variant[] = round % 2 === 1 ? VARIANTS : ['rules', 'parse-only', 'typed rules', 'typed parse-only'];
    for (const variant of order.filter((name) => !args.oxlintOnly || !name.startsWith('typed'))) {
      const result = runInFreshProcess<VariantResult>('variant.js', jobs.variants.get(variant) as string);
      runs.get(variant)?.push(result);
      process.stderr.write(`bench: round ${round}/${args.rounds} ${variant}: wall ${seconds(result.wallMs)}, CPU ${seconds(result.cpuMs)}\n`);
    }
    for (const variant of round % 2 === 1 ? OXLINT_VARIANTS : [...OXLINT_VARIANTS].reverse()) {
      const result = runInFreshProcess<OxlintVariantResult>('oxlint-variant.js', jobs.oxlint.get(variant) as string);
      oxlintRuns.get(variant)?.push(result);
      process.stderr.write(`bench: round ${round}/${args.rounds} ${variant}: wall ${seconds(result.wallMs)}, CPU ${seconds(result.cpuMs)}\n`);
    }
  }
  const oxlintTable = oxlintSection(oxlintRuns, runs.get('parse-only') ?? [], runs.get('rules') ?? [], describe);
  if (args.oxlintOnly) {
    const table = `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}, ESLint ${ESLint.version}; ${args.rounds} rounds\n- Corpus: ${describe}\n\n${oxlintTable}`;
    fs.writeFileSync(path.join(WORK_DIR, 'last-run-oxlint.md'), `${table}\n`);
    process.stdout.write(`${table}\n`);
    return;
  }
  const statsRuns = new Map<Variant, VariantResult>();
  for (const [variant, jobFile] of jobs.withStats) {
    if (!variant.endsWith('rules')) continue;
    statsRuns.set(variant, runInFreshProcess<VariantResult>('variant.js', jobFile));
    process.stderr.write(`bench: ${variant} with ESLint stats\n`);
  }
  const table = `${report(runs, statsRuns, paired, describe, args.rounds)}\n\n${oxlintTable}`;
  fs.writeFileSync(path.join(WORK_DIR, 'last-run.md'), `${table}\n`);
  process.stdout.write(`${table}\n`);
}

main();
