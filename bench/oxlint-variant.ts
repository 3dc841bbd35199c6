import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findOxlint } from '../cli/oxlint/find-oxlint';
import { oxlintConfig } from '../cli/oxlint/oxlint-config';
import { allRuleLevels } from './all-rules-config';

/** oxlint with every async-guard rule as a JS plugin, and oxlint with nothing to run (its floor: read, parse, walk). */
export const OXLINT_VARIANTS = ['oxlint, no JS plugin', 'oxlint + async-guard'] as const;
export type OxlintVariant = (typeof OXLINT_VARIANTS)[number];

export interface OxlintVariantJob {
  readonly variant: OxlintVariant;
  readonly files: string[];
  readonly cwd: string;
}

export interface OxlintVariantResult {
  readonly variant: OxlintVariant;
  readonly files: number;
  readonly version: string;
  readonly wallMs: number;
  /** User + system CPU of the whole oxlint process (all its threads, Node's start and the plugin's loading included). */
  readonly cpuMs: number;
  readonly findings: number;
  readonly pluginErrors: number;
}

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time of this process's waited-for children, from /proc (Node reports only its own). */
function childrenCpuMs(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  // Fields after the parenthesised command name: cutime and cstime are the 16th and 17th fields of the line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** Runs one oxlint variant as a child of this (fresh) process and measures it. */
export function runOxlintVariant(job: OxlintVariantJob): OxlintVariantResult {
  const install = findOxlint(job.cwd);
  const configFile = path.join(job.cwd, `.oxlintrc.bench-${process.pid}.json`);
  fs.writeFileSync(configFile, JSON.stringify(oxlintConfig(job.variant === 'oxlint + async-guard' ? allRuleLevels() : {})));
  try {
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [install.bin, '-c', configFile, '-f', 'json', '--no-ignore', ...job.files], {
      cwd: job.cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const cpuMs = childrenCpuMs() - cpuBefore;
    if (child.error !== undefined) throw child.error;
    const report = JSON.parse(child.stdout) as { diagnostics: { code?: string; message: string }[] };
    return {
      variant: job.variant,
      files: job.files.length,
      version: install.version,
      wallMs,
      cpuMs,
      findings: report.diagnostics.filter((diagnostic) => diagnostic.code?.startsWith('async-guard(') === true).length,
      pluginErrors: report.diagnostics.filter((diagnostic) => diagnostic.message.startsWith('Error running JS plugin')).length,
    };
  } finally {
    fs.rmSync(configFile, { force: true });
  }
}

// Child-process entry: `node dist/bench/oxlint-variant.js <job.json>` prints one JSON line.
if (require.main === module) {
  const jobFile = process.argv[2];
  if (jobFile === undefined) throw new Error('usage: oxlint-variant.js <job.json>');
  const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as OxlintVariantJob;
  process.stdout.write(`${JSON.stringify(runOxlintVariant(job))}\n`);
}
