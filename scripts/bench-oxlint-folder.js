#!/usr/bin/env node
/**
 * The oxlint comparison of `npm run bench -- --oxlint` on one folder of
 * your own (a callback-era code base, say): ESLint parse-only, ESLint with
 * every rule, oxlint without a JS plugin and oxlint + async-guard, each in a
 * fresh process, interleaved per round (order reversed every other round).
 *
 *   npm run build && node scripts/bench-oxlint-folder.js [--rounds N] <folder>
 *
 * Prints per-round CPU ratios and their medians (CPU: user + system; for
 * oxlint, of its whole process).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { listSourceFiles } = require('../dist/bench/corpus');

const args = process.argv.slice(2);
const roundsIndex = args.indexOf('--rounds');
const rounds = roundsIndex >= 0 ? Number(args[roundsIndex + 1]) : 5;
const folder = args.find((arg, index) => !arg.startsWith('--') && (roundsIndex < 0 || index !== roundsIndex + 1));
if (folder === undefined) {
  process.stderr.write('usage: node scripts/bench-oxlint-folder.js [--rounds N] <folder>\n');
  process.exit(2);
}
const cwd = path.resolve(folder);
const files = listSourceFiles(cwd).sort().map((file) => path.join(cwd, file));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-bench-oxlint-'));
const variants = [
  ['ESLint parse-only', 'variant.js', { variant: 'parse-only', files, cwd, stats: false }],
  ['ESLint all rules', 'variant.js', { variant: 'rules', files, cwd, stats: false }],
  ['oxlint, no JS plugin', 'oxlint-variant.js', { variant: 'oxlint, no JS plugin', files, cwd }],
  ['oxlint + async-guard', 'oxlint-variant.js', { variant: 'oxlint + async-guard', files, cwd }],
].map(([name, script, job], index) => {
  const jobFile = path.join(work, `job-${index}.json`);
  fs.writeFileSync(jobFile, JSON.stringify(job));
  return { name, script: path.join(__dirname, '..', 'dist', 'bench', script), jobFile, runs: [] };
});
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
try {
  for (let round = 1; round <= rounds; round++) {
    for (const variant of round % 2 === 1 ? variants : [...variants].reverse()) {
      const output = execFileSync(process.execPath, [variant.script, variant.jobFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
      const result = JSON.parse(output.trim().split('\n').pop());
      variant.runs.push(result);
      process.stderr.write(`round ${round}/${rounds} ${variant.name}: wall ${(result.wallMs / 1000).toFixed(2)} s, CPU ${(result.cpuMs / 1000).toFixed(2)} s, findings ${result.findings}\n`);
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
const base = variants[0].runs;
const bare = variants[2].runs;
const lines = [`${cwd}: ${files.length} files, ${rounds} interleaved rounds, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus()[0]?.model} (${os.availableParallelism()} cores, shared)`, ''];
lines.push('| variant | median CPU | ÷ ESLint parse-only, per round | median | ÷ oxlint without plugin (median) | findings | plugin errors |', '| --- | ---: | --- | ---: | ---: | ---: | ---: |');
for (const variant of variants) {
  const perRound = variant.runs.map((run, index) => run.cpuMs / base[index].cpuMs);
  const versusBare = variant.runs.map((run, index) => run.cpuMs / bare[index].cpuMs);
  lines.push(`| ${variant.name} | ${(median(variant.runs.map((run) => run.cpuMs)) / 1000).toFixed(2)} s | ${perRound.map((value) => value.toFixed(3)).join(', ')} | ${median(perRound).toFixed(3)}× | ${median(versusBare).toFixed(1)}× | ${variant.runs[0].findings} | ${variant.runs[0].pluginErrors ?? ''} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
