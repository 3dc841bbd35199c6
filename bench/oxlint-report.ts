import * as os from 'node:os';
import { OXLINT_VARIANTS, type OxlintVariant, type OxlintVariantResult } from './oxlint-variant';
import type { VariantResult } from './variant';

/** The goal of issue 17: oxlint + async-guard at most this share of ESLint's parse-only CPU. */
export const OXLINT_GOAL = 0.75;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/**
 * The oxlint column: each oxlint run's CPU against ESLint's parse-only run
 * and against oxlint without a JS plugin of the same round.
 */
export function oxlintSection(oxlint: Map<OxlintVariant, OxlintVariantResult[]>, eslintParseOnly: readonly VariantResult[], eslintRules: readonly VariantResult[], describe: string): string {
  const withPlugin = oxlint.get('oxlint + async-guard') ?? [];
  const bare = oxlint.get('oxlint, no JS plugin') ?? [];
  const lines: string[] = [];
  lines.push(`**oxlint** ${withPlugin[0]?.version ?? ''}, the same corpus (${describe.split(';')[0] ?? ''}), every rule at default options, as oxlint's JS plugin; run in the same rounds as the ESLint variants, order alternating. CPU is the whole oxlint process (user + system of all its threads, read from /proc after it exits), so it includes Node's start and the loading of the plugin (typescript-eslint's parser among its dependencies), which ESLint's figures, taken around \`lintFiles\`, leave out. Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, shared with other work while measured.`);
  lines.push('');
  lines.push('| variant | files | median wall | median CPU | ÷ ESLint parse-only CPU, per round | median | ÷ ESLint all rules CPU (median) | ÷ oxlint without plugin (median) | goal | findings | plugin errors |');
  lines.push('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: |');
  for (const variant of OXLINT_VARIANTS) {
    const runs = oxlint.get(variant) ?? [];
    const perRound = runs.map((run, index) => run.cpuMs / (eslintParseOnly[index]?.cpuMs ?? Number.NaN));
    const versusRules = runs.map((run, index) => run.cpuMs / (eslintRules[index]?.cpuMs ?? Number.NaN));
    const versusBare = runs.map((run, index) => run.cpuMs / (bare[index]?.cpuMs ?? Number.NaN));
    const isPlugin = variant === 'oxlint + async-guard';
    const goal = isPlugin ? `≤ ${OXLINT_GOAL}× of parse-only: ${median(perRound) <= OXLINT_GOAL ? 'met' : 'missed'}` : '';
    lines.push(
      `| ${variant} | ${runs[0]?.files ?? 0} | ${seconds(median(runs.map((run) => run.wallMs)))} | ${seconds(median(runs.map((run) => run.cpuMs)))} | ${perRound.map((value) => value.toFixed(3)).join(', ')} | ${median(perRound).toFixed(3)}× | ${median(versusRules).toFixed(3)}× | ${median(versusBare).toFixed(1)}× | ${goal} | ${runs[0]?.findings ?? 0} | ${Math.max(0, ...runs.map((run) => run.pluginErrors))} |`,
    );
  }
  lines.push('');
  lines.push('Every oxlint run, wall / CPU (ms):');
  lines.push('');
  for (const variant of OXLINT_VARIANTS) lines.push(`- ${variant}: ${(oxlint.get(variant) ?? []).map((run) => `${run.wallMs.toFixed(0)} / ${run.cpuMs.toFixed(0)}`).join(', ')}`);
  lines.push(`- ESLint parse-only, same rounds: ${eslintParseOnly.map((run) => `${run.wallMs.toFixed(0)} / ${run.cpuMs.toFixed(0)}`).join(', ')}`);
  lines.push(`- ESLint all rules, same rounds: ${eslintRules.map((run) => `${run.wallMs.toFixed(0)} / ${run.cpuMs.toFixed(0)}`).join(', ')}`);
  return lines.join('\n');
}
