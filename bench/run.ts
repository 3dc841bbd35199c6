import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import * as ts from 'typescript';
import { ruleNames } from './all-rules-config';
import { selectCallbackCorpus } from './callback-corpus';
import { materializeCorpus, selectCorpus, typedSubset, TYPED_STRIDE } from './corpus';
import type { PairedJob, PairedResult } from './paired';
import { oxlintSection } from './oxlint-report';
import { OXLINT_VARIANTS, type OxlintVariant, type OxlintVariantJob, type OxlintVariantResult } from './oxlint-variant';
import { VARIANTS, type Variant, type VariantJob, type VariantResult } from './variant';

/**
 * `npm run bench [-- [--rounds N] [--corpus main|callback] [--separate-only] [--oxlint] [directory]]`:
 * lints each corpus (the fixed node_modules sample, and the callback-heavy
 * one of bench/callback-corpus.ts) in four ESLint variants, plus, on the
 * main corpus, the paired measurement and two oxlint variants, interleaved
 * (one of each per round, each in a fresh process), and prints the medians
 * as markdown tables. `--corpus` runs one corpus; `--separate-only` skips
 * the paired and oxlint runs; `--oxlint` runs only what the oxlint table
 * needs (ESLint parse-only and all rules on the main corpus, the oxlint variants).
 */
const PACKAGE_ROOT = path.join(__dirname, '..', '..');
const WORK_DIR = path.join(PACKAGE_ROOT, '.bench');
const GOALS: Record<'syntactic' | 'typed', number> = { syntactic: 1.05, typed: 1.15 };

const CORPUS_NAMES = ['main', 'callback'] as const;
type CorpusName = (typeof CORPUS_NAMES)[number];

interface Args {
  rounds: number;
  extraDir: string | undefined;
  oxlintOnly: boolean;
  separateOnly: boolean;
  corpora: readonly CorpusName[];
}

function parseArgs(argv: string[]): Args {
  let rounds = 5;
  let extraDir: string | undefined;
  let oxlintOnly = false;
  let separateOnly = false;
  let corpora: readonly CorpusName[] = CORPUS_NAMES;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--rounds') rounds = Math.max(1, Number(argv[++index]));
    else if (arg === '--oxlint') oxlintOnly = true;
    else if (arg === '--separate-only') separateOnly = true;
    else if (arg === '--corpus') {
      const name = argv[++index];
      if (!CORPUS_NAMES.includes(name as CorpusName)) throw new Error(`--corpus takes one of ${CORPUS_NAMES.join(', ')}`);
      corpora = [name as CorpusName];
    } else extraDir = path.resolve(arg);
  }
  if (!Number.isInteger(rounds)) throw new Error('--rounds needs a whole number');
  if (oxlintOnly) corpora = ['main'];
  return { rounds, extraDir, oxlintOnly, separateOnly, corpora };
}

/** One corpus's separate-process variants. */
interface CorpusJobs {
  readonly name: CorpusName;
  readonly title: string;
  readonly describe: string;
  readonly variants: Map<Variant, string>;
  /** The rules variants once more with ESLint's stats on, for the per-rule times. */
  readonly withStats: Map<Variant, string>;
}

interface Jobs {
  readonly corpora: CorpusJobs[];
  /** Job files of the paired in-process measurement on the main corpus: syntactic, then typed. */
  readonly paired: string[];
  readonly oxlint: Map<OxlintVariant, string>;
  /** The main corpus's description ('' when it is not run). */
  readonly describe: string;
}

/** The paired measurement lints each file twice: every PAIRED_STRIDE-th corpus file keeps it as long as one variant. */
const PAIRED_STRIDE = 2;

function variantJobs(prefix: string, files: string[], cwd: string, typedFiles: string[], typedCwd: string): Pick<CorpusJobs, 'variants' | 'withStats'> {
  const variants = new Map<Variant, string>();
  const withStats = new Map<Variant, string>();
  for (const variant of VARIANTS) {
    const typed = variant.startsWith('typed');
    for (const stats of [false, true]) {
      const job: VariantJob = { variant, files: typed ? typedFiles : files, cwd: typed ? typedCwd : cwd, stats };
      const jobFile = path.join(WORK_DIR, `job-${prefix}${variant.replace(/\W+/g, '-')}${stats ? '-stats' : ''}.json`);
      fs.writeFileSync(jobFile, JSON.stringify(job));
      (stats ? withStats : variants).set(variant, jobFile);
    }
  }
  return { variants, withStats };
}

function prepareMainCorpus(args: Args, nodeModules: string): { jobs: CorpusJobs; files: string[]; typedFiles: string[]; corpusDir: string; typedDir: string } {
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
  const jobs: CorpusJobs = { name: 'main', title: 'Main corpus (node_modules sample)', describe, ...variantJobs('', files, corpusDir, typedFiles, typedDir) };
  return { jobs, files, typedFiles, corpusDir, typedDir };
}

/** The callback-heavy corpus: small enough that the typed variants lint all of it. */
function prepareCallbackCorpus(nodeModules: string): CorpusJobs {
  const corpus = selectCallbackCorpus(nodeModules);
  const corpusDir = path.join(WORK_DIR, 'callback-corpus');
  const typedDir = path.join(WORK_DIR, 'callback-typed');
  const files = materializeCorpus(corpus.files, nodeModules, corpusDir, { tsconfig: false });
  const typedFiles = materializeCorpus(corpus.files, nodeModules, typedDir, { tsconfig: true });
  const describe = `${files.length} plain-JavaScript files of ${corpus.packages.length} error-first-callback packages under node_modules (${corpus.packages.join(', ')}; no tests, bundles or nested node_modules; fingerprint ${corpus.fingerprint}); typed variants: all ${typedFiles.length} files, one generated tsconfig.json`;
  return { name: 'callback', title: 'Callback-heavy corpus (bench/callback-corpus.ts)', describe, ...variantJobs('callback-', files, corpusDir, typedFiles, typedDir) };
}

function prepareJobs(args: Args): Jobs {
  const nodeModules = path.join(PACKAGE_ROOT, 'node_modules');
  const corpora: CorpusJobs[] = [];
  let paired: string[] = [];
  const oxlint = new Map<OxlintVariant, string>();
  let describe = '';
  if (args.corpora.includes('main')) {
    const main = prepareMainCorpus(args, nodeModules);
    corpora.push(main.jobs);
    describe = main.jobs.describe;
    const pairedJobs: PairedJob[] = [
      { typeAware: false, files: main.files.filter((_, index) => index % PAIRED_STRIDE === 0), cwd: main.corpusDir },
      { typeAware: true, files: main.typedFiles, cwd: main.typedDir },
    ];
    paired = pairedJobs.map((job, index) => {
      const jobFile = path.join(WORK_DIR, `job-paired-${index}.json`);
      fs.writeFileSync(jobFile, JSON.stringify(job));
      return jobFile;
    });
    for (const variant of OXLINT_VARIANTS) {
      const job: OxlintVariantJob = { variant, files: main.files, cwd: main.corpusDir };
      const jobFile = path.join(WORK_DIR, `job-${variant.replace(/\W+/g, '-')}.json`);
      fs.writeFileSync(jobFile, JSON.stringify(job));
      oxlint.set(variant, jobFile);
    }
  }
  if (args.corpora.includes('callback') && !args.oxlintOnly) corpora.push(prepareCallbackCorpus(nodeModules));
  return { corpora, paired: args.separateOnly ? [] : paired, oxlint: args.separateOnly ? new Map<OxlintVariant, string>() : oxlint, describe };
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

function header(corpora: readonly CorpusJobs[], rounds: number): string[] {
  const lines: string[] = [];
  lines.push(`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  lines.push(`- Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}; Node ${process.version}, ESLint ${ESLint.version}, TypeScript ${ts.version}`);
  for (const corpus of corpora) lines.push(`- Corpus ${corpus.name}: ${corpus.describe}`);
  lines.push(`- Rules: ${ruleNames().join(', ')} (every rule the plugin exports, at default options)`);
  lines.push(`- Method: ${rounds} rounds, the variants of every corpus (and on the main corpus the paired measurement) interleaved in each round, each run in a fresh Node process, rules before parse-only in even rounds; medians of wall time and of CPU time (user + system of the linting process) around \`ESLint#lintFiles\`, ESLint's \`stats\` off. The machine is shared, so the ratios use CPU time, which other processes disturb less. Peak RSS is the process's \`maxRSS\` after linting.`);
  return lines;
}

function pairedSection(paired: readonly PairedResult[]): string[] {
  const lines: string[] = [];
  lines.push('**Paired, in one process** (main corpus): each file linted parse-only and with all rules back to back, order alternating, CPU time per call summed, the first 50 files warm-up. Precise for the rules\' own work whatever the load of the machine, but blind to costs a rule spreads over the whole process: garbage collection of memory one variant keeps is charged to both.');
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
  return lines;
}

function corpusSection(corpus: CorpusJobs, runs: Map<Variant, VariantResult[]>, statsRuns: Map<Variant, VariantResult>): string[] {
  const wall = (variant: Variant): number => median((runs.get(variant) ?? []).map((run) => run.wallMs));
  const cpu = (variant: Variant): number => median((runs.get(variant) ?? []).map((run) => run.cpuMs));
  const first = (variant: Variant): VariantResult | undefined => (runs.get(variant) ?? [])[0];
  const lines: string[] = [];
  lines.push(`### ${corpus.title}`);
  lines.push('');
  lines.push(corpus.describe);
  lines.push('');
  lines.push('**Separate processes**, the four variants interleaved per round: what a user pays, garbage collection included. The goal column judges the median of the per-round CPU ratios (each rules run against the parse-only run of the same round, minutes apart at most); the ratio of medians and of minimums are shown beside it. Wall time on a shared machine mostly measures the other tenants. The RSS ratio is the median of the per-round ratios of peak RSS (goal ≤ 1.1×).');
  lines.push('');
  lines.push('| variant | files | median wall | median CPU | CPU ratio, per round | median of rounds | of medians | of minimums | wall ratio | goal | findings | parse errors | peak RSS | RSS ratio |');
  lines.push('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const variant of VARIANTS) {
    const results = runs.get(variant) ?? [];
    if (results.length === 0) continue;
    const typed = variant.startsWith('typed');
    const base = typed ? 'typed parse-only' : 'parse-only';
    const isRules = variant.endsWith('rules');
    const limit = GOALS[typed ? 'typed' : 'syntactic'];
    const baseRuns = runs.get(base) ?? [];
    const perRound = results.map((run, index) => run.cpuMs / (baseRuns[index]?.cpuMs ?? run.cpuMs));
    const rssRatio = median(results.map((run, index) => run.maxRssMiB / (baseRuns[index]?.maxRssMiB ?? run.maxRssMiB)));
    const minimum = (list: readonly VariantResult[]): number => Math.min(...list.map((run) => run.cpuMs));
    const goal = isRules ? `≤ ${limit}×: ${median(perRound) <= limit ? 'met' : 'missed'}` : '';
    lines.push(
      `| ${variant} | ${first(variant)?.files ?? 0} | ${seconds(wall(variant))} | ${seconds(cpu(variant))} | ${perRound.map((value) => value.toFixed(3)).join(', ')} | ${median(perRound).toFixed(3)}× | ${ratio(cpu(variant), cpu(base))} | ${ratio(minimum(results), minimum(baseRuns))} | ${ratio(wall(variant), wall(base))} | ${goal} | ${first(variant)?.findings ?? 0} | ${first(variant)?.fatal ?? 0} | ${Math.max(...results.map((run) => run.maxRssMiB)).toFixed(0)} MiB | ${rssRatio.toFixed(3)}× |`,
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
  lines.push('Every run, wall / CPU (ms) / peak RSS (MiB):');
  lines.push('');
  for (const variant of VARIANTS) {
    const results = runs.get(variant) ?? [];
    if (results.length > 0) lines.push(`- ${variant}: ${results.map((run) => `${run.wallMs.toFixed(0)} / ${run.cpuMs.toFixed(0)} / ${run.maxRssMiB.toFixed(0)}`).join(', ')}`);
  }
  return lines;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const jobs = prepareJobs(args);
  for (const corpus of jobs.corpora) process.stderr.write(`bench: ${corpus.name}: ${corpus.describe}\n`);
  const runs = new Map<CorpusName, Map<Variant, VariantResult[]>>(jobs.corpora.map((corpus) => [corpus.name, new Map(VARIANTS.map((variant) => [variant, []]))]));
  const paired: PairedResult[] = [];
  const oxlintRuns = new Map<OxlintVariant, OxlintVariantResult[]>(OXLINT_VARIANTS.map((variant) => [variant, []]));
  for (let round = 1; round <= args.rounds; round++) {
    for (const jobFile of args.oxlintOnly ? [] : jobs.paired) {
      const result = runInFreshProcess<PairedResult>('paired.js', jobFile);
      paired.push(result);
      process.stderr.write(`bench: round ${round}/${args.rounds} paired ${result.typeAware ? 'type-aware' : 'syntactic'}: ${(result.rulesCpuMs / result.parseOnlyCpuMs).toFixed(3)}×\n`);
    }
    for (const corpus of jobs.corpora) {
      // Every other round runs each rules variant before its parse-only floor, so a drift in the machine's load does not favour one side.
      const order: readonly Variant[] = round % 2 === 1 ? VARIANTS : ['rules', 'parse-only', 'typed rules', 'typed parse-only'];
      for (const variant of order.filter((name) => !args.oxlintOnly || !name.startsWith('typed'))) {
        const result = runInFreshProcess<VariantResult>('variant.js', corpus.variants.get(variant) as string);
        runs.get(corpus.name)?.get(variant)?.push(result);
        process.stderr.write(`bench: round ${round}/${args.rounds} ${corpus.name} ${variant}: wall ${seconds(result.wallMs)}, CPU ${seconds(result.cpuMs)}, RSS ${result.maxRssMiB.toFixed(0)} MiB\n`);
      }
    }
    for (const variant of jobs.oxlint.size === 0 ? [] : round % 2 === 1 ? OXLINT_VARIANTS : [...OXLINT_VARIANTS].reverse()) {
      const result = runInFreshProcess<OxlintVariantResult>('oxlint-variant.js', jobs.oxlint.get(variant) as string);
      oxlintRuns.get(variant)?.push(result);
      process.stderr.write(`bench: round ${round}/${args.rounds} ${variant}: wall ${seconds(result.wallMs)}, CPU ${seconds(result.cpuMs)}\n`);
    }
  }
  const mainRuns = runs.get('main');
  const oxlintTable = jobs.oxlint.size === 0 ? '' : oxlintSection(oxlintRuns, mainRuns?.get('parse-only') ?? [], mainRuns?.get('rules') ?? [], jobs.describe);
  if (args.oxlintOnly) {
    const table = `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}, ESLint ${ESLint.version}; ${args.rounds} rounds\n- Corpus: ${jobs.describe}\n\n${oxlintTable}`;
    fs.writeFileSync(path.join(WORK_DIR, 'last-run-oxlint.md'), `${table}\n`);
    process.stdout.write(`${table}\n`);
    return;
  }
  const sections: string[][] = [header(jobs.corpora, args.rounds)];
  if (paired.length > 0) sections.push(pairedSection(paired));
  for (const corpus of jobs.corpora) {
    const statsRuns = new Map<Variant, VariantResult>();
    for (const [variant, jobFile] of corpus.withStats) {
      if (!variant.endsWith('rules')) continue;
      statsRuns.set(variant, runInFreshProcess<VariantResult>('variant.js', jobFile));
      process.stderr.write(`bench: ${corpus.name} ${variant} with ESLint stats\n`);
    }
    sections.push(corpusSection(corpus, runs.get(corpus.name) ?? new Map<Variant, VariantResult[]>(), statsRuns));
  }
  if (oxlintTable !== '') sections.push([oxlintTable]);
  const table = sections.map((lines) => lines.join('\n')).join('\n\n');
  fs.writeFileSync(path.join(WORK_DIR, 'last-run.md'), `${table}\n`);
  process.stdout.write(`${table}\n`);
}

main();
