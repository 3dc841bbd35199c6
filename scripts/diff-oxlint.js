#!/usr/bin/env node
/**
 * Lints folders with ESLint + async-guard and with oxlint + async-guard (all
 * rules at default options, no type information) and diffs the findings by
 * file, line, column and rule. Exit 1 when they differ or oxlint's JS plugin
 * threw on a file.
 *
 *   npm run build && node scripts/diff-oxlint.js [--json] [--show N] <folder>…
 *   node scripts/diff-oxlint.js --oxlint /tmp/old-oxlint <folder>   (another oxlint: the folder it is installed under)
 *   node scripts/diff-oxlint.js --bench     (the bench corpus, materialized as `npm run bench` does)
 *
 * Per folder: counts per rule in each engine, the differing findings (the
 * first N, default 20), plugin errors, and files either engine could not parse.
 */
'use strict';
const path = require('node:path');
const { eslintFindings, oxlintFindings, diffFindings, pluginErrors } = require('../dist/bench/engine-diff');
const { selectCorpus, materializeCorpus } = require('../dist/bench/corpus');
const { listSourceFiles } = require('../dist/bench/corpus');
const { findOxlint } = require('../dist/cli/oxlint/find-oxlint');

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const showIndex = args.indexOf('--show');
const oxlintIndex = args.indexOf('--oxlint');
// --oxlint <folder>: the oxlint package to run (default: the project's, else async-guard's own)
const install = oxlintIndex >= 0 ? findOxlint(path.resolve(args[oxlintIndex + 1]), 'oxlint', { anyVersion: true }) : undefined;
const show = showIndex >= 0 ? Number(args[showIndex + 1]) : 20;
const optionValues = new Set([showIndex, oxlintIndex].filter((index) => index >= 0).map((index) => index + 1));
const folders = args.filter((arg, index) => !arg.startsWith('--') && !optionValues.has(index)).map((folder) => path.resolve(folder));
if (args.includes('--bench')) {
  const root = path.join(__dirname, '..');
  const corpus = selectCorpus(path.join(root, 'node_modules'));
  const dir = path.join(root, '.bench', 'corpus');
  materializeCorpus(corpus.files, path.join(root, 'node_modules'), dir, { tsconfig: false });
  folders.unshift(dir);
}
if (folders.length === 0) {
  process.stderr.write('usage: node scripts/diff-oxlint.js [--bench] [--json] [--show N] <folder>…\n');
  process.exit(2);
}

function countByRule(findings) {
  const counts = {};
  for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  return counts;
}

const where = (f) => `${f.file}:${f.line}:${f.column} ${f.rule}`;

async function compare(folder) {
  const files = listSourceFiles(folder).sort().map((file) => path.join(folder, file));
  const eslint = await eslintFindings(files, folder);
  const oxlint = await oxlintFindings(files, folder, install === undefined ? {} : { install });
  const diff = diffFindings(eslint.findings, oxlint.findings);
  return {
    folder,
    files: files.length,
    eslint: { total: eslint.findings.length, byRule: countByRule(eslint.findings), failures: eslint.failures.length },
    oxlint: { total: oxlint.findings.length, byRule: countByRule(oxlint.findings), failures: oxlint.failures.length, pluginErrors: pluginErrors(oxlint.failures) },
    same: diff.same,
    onlyEslint: diff.onlyEslint,
    onlyOxlint: diff.onlyOxlint,
    messageDiffers: diff.messageDiffers,
    parseFailuresOnlyOneSide: {
      eslint: eslint.failures.filter((f) => !oxlint.failures.some((o) => o.file === f.file)).map((f) => `${f.file}: ${f.message.split('\n')[0]}`),
      oxlint: oxlint.failures.filter((o) => !eslint.failures.some((f) => f.file === o.file)).map((o) => `${o.file}: ${o.message.split('\n')[0]}`),
    },
  };
}

function print(report) {
  const lines = [`## ${report.folder} (${report.files} files)`, ''];
  lines.push('| rule | ESLint | oxlint |', '| --- | ---: | ---: |');
  const rules = [...new Set([...Object.keys(report.eslint.byRule), ...Object.keys(report.oxlint.byRule)])].sort();
  for (const rule of rules) lines.push(`| ${rule} | ${report.eslint.byRule[rule] ?? 0} | ${report.oxlint.byRule[rule] ?? 0} |`);
  lines.push(`| total | ${report.eslint.total} | ${report.oxlint.total} |`, '');
  lines.push(`Same: ${report.same}; only ESLint: ${report.onlyEslint.length}; only oxlint: ${report.onlyOxlint.length}; message differs: ${report.messageDiffers.length}; plugin errors: ${report.oxlint.pluginErrors.length}; files not linted: ESLint ${report.eslint.failures}, oxlint ${report.oxlint.failures}`);
  for (const f of report.onlyEslint.slice(0, show)) lines.push(`  only ESLint: ${where(f)}: ${f.message.slice(0, 100)}`);
  for (const f of report.onlyOxlint.slice(0, show)) lines.push(`  only oxlint: ${where(f)}: ${f.message.slice(0, 100)}`);
  for (const [e, o] of report.messageDiffers.slice(0, show)) lines.push(`  message: ${where(e)}:\n    ESLint: ${e.message}\n    oxlint: ${o.message}`);
  for (const f of report.oxlint.pluginErrors.slice(0, show)) lines.push(`  plugin error: ${f.file}: ${f.message.split('\n').slice(2, 4).join(' ')}`);
  for (const text of report.parseFailuresOnlyOneSide.eslint.slice(0, show)) lines.push(`  not linted by ESLint only: ${text}`);
  for (const text of report.parseFailuresOnlyOneSide.oxlint.slice(0, show)) lines.push(`  not linted by oxlint only: ${text}`);
  return lines.join('\n');
}

(async () => {
  let differs = false;
  const reports = [];
  for (const folder of folders) {
    const report = await compare(folder);
    reports.push(report);
    differs ||= report.onlyEslint.length + report.onlyOxlint.length + report.messageDiffers.length + report.oxlint.pluginErrors.length > 0;
    if (!asJson) process.stdout.write(`${print(report)}\n\n`);
  }
  if (asJson) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  process.exitCode = differs ? 1 : 0;
})().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 2;
});
