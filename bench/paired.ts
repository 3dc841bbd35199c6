import * as fs from 'node:fs';
import { Linter } from 'eslint';
import { allRulesConfig } from './all-rules-config';

/**
 * The precise ratio: in ONE process, every file is linted twice in a row,
 * parse-only and with all rules, alternating which goes first, and the CPU
 * time of each call is summed per variant. Load from other processes and
 * differences between processes (heap, JIT) fall on both sides alike,
 * which separate processes cannot promise on a shared machine.
 */
export interface PairedJob {
  readonly typeAware: boolean;
  readonly files: string[];
  readonly cwd: string;
}

export interface PairedResult {
  readonly typeAware: boolean;
  readonly files: number;
  readonly parseOnlyCpuMs: number;
  readonly rulesCpuMs: number;
}

/** Files linted first and left out of the sums: JIT warm-up, and the TypeScript program build when typed. */
const WARM_UP_FILES = 50;

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

export function runPaired(job: PairedJob): PairedResult {
  const linter = new Linter({ cwd: job.cwd });
  const configs = [false, true].map((withRules) => allRulesConfig({ typeAware: job.typeAware, tsconfigRootDir: job.cwd, withRules }));
  const sums = [0, 0];
  job.files.forEach((filename, index) => {
    const text = fs.readFileSync(filename, 'utf8');
    const order = index % 2 === 0 ? [0, 1] : [1, 0];
    for (const variant of order) {
      const start = cpuMicros();
      linter.verify(text, configs[variant] as Linter.Config[], { filename, allowInlineConfig: false });
      if (index >= WARM_UP_FILES) sums[variant] = (sums[variant] ?? 0) + cpuMicros() - start;
    }
  });
  return {
    typeAware: job.typeAware,
    files: Math.max(0, job.files.length - WARM_UP_FILES),
    parseOnlyCpuMs: (sums[0] ?? 0) / 1000,
    rulesCpuMs: (sums[1] ?? 0) / 1000,
  };
}

// Child-process entry: `node dist/bench/paired.js <job.json>` prints one JSON line.
if (require.main === module) {
  const jobFile = process.argv[2];
  if (jobFile === undefined) throw new Error('usage: paired.js <job.json>');
  process.stdout.write(`${JSON.stringify(runPaired(JSON.parse(fs.readFileSync(jobFile, 'utf8')) as PairedJob))}\n`);
}
