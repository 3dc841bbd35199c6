import * as fs from 'node:fs';
import { ESLint } from 'eslint';
import { allRulesConfig } from './all-rules-config';

/** The four things the benchmark compares. */
export const VARIANTS = ['parse-only', 'rules', 'typed parse-only', 'typed rules'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface VariantJob {
  readonly variant: Variant;
  readonly files: string[];
  /** The corpus copy the files live in (for typed variants: where its generated tsconfig.json is). */
  readonly cwd: string;
  /**
   * ESLint's per-rule timing. Off in the timed runs: it wraps every rule
   * listener call in two clock reads and an object, a cost only the
   * variants with rules would pay (about 5 % of the syntactic run here).
   */
  readonly stats: boolean;
}

export interface VariantResult {
  readonly variant: Variant;
  readonly files: number;
  readonly wallMs: number;
  /** User + system CPU time of this process during the lint: less disturbed than wall time on a shared machine. */
  readonly cpuMs: number;
  /** Sum over files of ESLint's `stats` parse time (0 without stats). */
  readonly parseMs: number;
  /** Sum over files of ESLint's `stats` time per rule id. */
  readonly ruleMs: Record<string, number>;
  readonly findings: number;
  readonly fatal: number;
  readonly maxRssMiB: number;
}

/** Lints one variant in this process (a fresh one per run, so memory and caches do not leak between variants). */
export async function runVariant(job: VariantJob): Promise<VariantResult> {
  const typeAware = job.variant.startsWith('typed');
  const eslint = new ESLint({
    cwd: job.cwd,
    overrideConfigFile: true,
    overrideConfig: allRulesConfig({ typeAware, tsconfigRootDir: job.cwd, withRules: job.variant.endsWith('rules') }),
    // Inline `/* eslint … */` comments in the corpus would switch on core rules.
    allowInlineConfig: false,
    stats: job.stats,
    errorOnUnmatchedPattern: false,
  });
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles(job.files);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  let parseMs = 0;
  let findings = 0;
  let fatal = 0;
  const ruleMs: Record<string, number> = {};
  for (const result of results) {
    findings += result.messages.filter((message) => message.ruleId !== null).length;
    fatal += result.messages.filter((message) => message.fatal === true).length;
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + time.total;
    }
  }
  return {
    variant: job.variant,
    files: results.length,
    wallMs,
    cpuMs,
    parseMs,
    ruleMs,
    findings,
    fatal,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

// Child-process entry: `node dist/bench/variant.js <job.json>` prints one JSON line.
if (require.main === module) {
  const jobFile = process.argv[2];
  if (jobFile === undefined) throw new Error('usage: variant.js <job.json>');
  const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as VariantJob;
  runVariant(job).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
