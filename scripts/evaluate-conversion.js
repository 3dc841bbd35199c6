#!/usr/bin/env node
/**
 * Runs the callback → async/await conversion over the JavaScript under a
 * folder (default: node_modules/) and prints the counts by outcome and by
 * refusal reason, as JSON (with --json) or as Markdown rows.
 *
 *   npm run build && node scripts/evaluate-conversion.js [folder] [--json] [--samples N] [--before FILE]
 *
 * --programs: each package (the files under one package.json) is converted
 * as one program, with the contract level (functions with callback
 * contracts become async with their callers), as `async-guard --convert`
 * does; adds the functions converted and kept, by reason.
 *
 * --before FILE: a JSON result of an earlier run (docs/evaluation/node-modules-before.json
 * holds the one recorded before the contract level) to print converted and
 * refused by reason before → after.
 *
 * Every converted file is checked to parse again (convertFileText drops a
 * pass whose output would not parse; this script counts such files too).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { convertFileText } = require('../dist/rules/convert');
const { convertProgramTexts } = require('../dist/rules/convert/convert-program');

const args = process.argv.slice(2);
const root = path.resolve(args.find((arg, index) => !arg.startsWith('--') && !/^\d+$/.test(arg) && args[index - 1] !== '--before') ?? 'node_modules');
const asJson = args.includes('--json');
const samplesIndex = args.indexOf('--samples');
const sampleCount = samplesIndex >= 0 ? Number(args[samplesIndex + 1]) : 0;
const beforeIndex = args.indexOf('--before');
const beforeFile = beforeIndex >= 0 ? args[beforeIndex + 1] : undefined;
const MAX_BYTES = 400_000;
const asPrograms = args.includes('--programs');

function* walk(folder) {
  let entries;
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.bin' || entry.name === 'test' || entry.name === '__tests__') continue;
      yield* walk(full);
    } else if (entry.isFile() && /\.(?:c|m)?js$/.test(entry.name) && !/\.min\.js$/.test(entry.name)) {
      yield full;
    }
  }
}

const totals = { files: 0, skippedLarge: 0, parseErrors: 0, filesChanged: 0, converted: 0, convertedWithNotes: 0, refused: 0, byReason: {}, byCallee: {}, refusedByKind: {}, ms: 0 };
if (asPrograms) Object.assign(totals, { packages: 0, contractsConverted: 0, functionsKept: 0, keptByReason: {}, abandoned: 0 });
const samples = { converted: [], refused: {} };
const started = Date.now();

/** The files of the walk, by package: the nearest folder holding a package.json (one group per file without --programs). */
function groups() {
  const byPackage = new Map();
  for (const file of walk(root)) {
    if (fs.statSync(file).size > MAX_BYTES) {
      totals.skippedLarge += 1;
      continue;
    }
    let key = asPrograms ? root : file;
    if (asPrograms) {
      for (let folder = path.dirname(file); folder.startsWith(root); folder = path.dirname(folder)) {
        if (fs.existsSync(path.join(folder, 'package.json'))) {
          key = folder;
          break;
        }
      }
    }
    const list = byPackage.get(key) ?? [];
    list.push(file);
    byPackage.set(key, list);
  }
  return byPackage;
}

function countReport(file, text, result) {
  if (result.text !== text) totals.filesChanged += 1;
  const where = path.relative(process.cwd(), file);
  for (const entry of result.report) {
    if (entry.outcome === 'converted') {
      totals.converted += 1;
      if (entry.notes !== undefined) totals.convertedWithNotes += 1;
      const kind = entry.callee.startsWith('.') ? entry.callee : entry.callee.startsWith('function ') ? 'callback function' : 'callback call';
      totals.byCallee[kind] = (totals.byCallee[kind] ?? 0) + 1;
      if (samples.converted.length < sampleCount) samples.converted.push(`${where}:${entry.line} ${entry.callee}`);
    } else {
      totals.refused += 1;
      totals.byReason[entry.reason] = (totals.byReason[entry.reason] ?? 0) + 1;
      const kind = entry.callee.startsWith('.') ? 'promise chain' : entry.callee.startsWith('function ') ? 'callback function' : 'callback call';
      const byKind = (totals.refusedByKind[kind] ??= {});
      byKind[entry.reason] = (byKind[entry.reason] ?? 0) + 1;
      const list = (samples.refused[entry.reason] ??= []);
      if (list.length < sampleCount) list.push(`${where}:${entry.line} ${entry.callee}`);
    }
  }
}

for (const [key, files] of groups()) {
  const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  totals.files += files.length;
  if (!asPrograms) {
    const [file] = files;
    let result;
    try {
      result = convertFileText(texts.get(file), path.basename(file));
    } catch (error) {
      console.error(`crash on ${file}: ${error.stack}`);
      process.exitCode = 1;
      continue;
    }
    if (result.parseError !== undefined) totals.parseErrors += 1;
    else countReport(file, texts.get(file), result);
    continue;
  }
  totals.packages += 1;
  let program;
  try {
    program = convertProgramTexts(texts);
  } catch (error) {
    console.error(`crash on ${key}: ${error.stack}`);
    process.exitCode = 1;
    continue;
  }
  totals.parseErrors += program.parseErrors.size;
  totals.contractsConverted += program.contracts.length;
  if (program.abandoned !== undefined) totals.abandoned += 1;
  for (const refusal of program.refusals) {
    totals.functionsKept += 1;
    totals.keptByReason[refusal.reason] = (totals.keptByReason[refusal.reason] ?? 0) + 1;
  }
  if (samples.converted.length < sampleCount) for (const contract of program.contracts.slice(0, 3)) samples.converted.push(`${path.relative(process.cwd(), contract.file)}:${contract.line} function ${contract.name} (contract)`);
  for (const [file, report] of program.reports) countReport(file, texts.get(file), { text: program.texts.get(file), report });
}
totals.ms = Date.now() - started;

if (asJson) {
  console.log(JSON.stringify({ root: path.relative(process.cwd(), root) || '.', ...totals, samples }, null, 2));
} else {
  console.log(`| files | changed | converted | (with unchecked-error note) | refused | parse errors | skipped (> ${MAX_BYTES} B) | time |`);
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| ${totals.files} | ${totals.filesChanged} | ${totals.converted} | ${totals.convertedWithNotes} | ${totals.refused} | ${totals.parseErrors} | ${totals.skippedLarge} | ${(totals.ms / 1000).toFixed(1)} s |`);
  if (asPrograms) {
    const kept = Object.entries(totals.keptByReason).sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${reason} ${n}`).join(', ');
    console.log(`\npackages: ${totals.packages}; functions converted (contract level): ${totals.contractsConverted}; kept: ${totals.functionsKept} (${kept}); plans given up: ${totals.abandoned}`);
  }
  const kinds = ['callback call', 'promise chain', 'callback function'];
  console.log(`\n| refusal reason | ${kinds.join(' | ')} | total |\n| --- |${kinds.map(() => ' ---: |').join('')} ---: |`);
  for (const [reason, count] of Object.entries(totals.byReason).sort((a, b) => b[1] - a[1])) {
    console.log(`| ${reason} | ${kinds.map((kind) => totals.refusedByKind[kind]?.[reason] ?? 0).join(' | ')} | ${count} |`);
  }
  console.log('\n| converted kind | count |\n| --- | ---: |');
  for (const [kind, count] of Object.entries(totals.byCallee).sort((a, b) => b[1] - a[1])) console.log(`| ${kind} | ${count} |`);
  if (sampleCount > 0) console.log('\nsamples:\n' + JSON.stringify(samples, null, 2));
}

if (beforeFile !== undefined && !asJson) {
  const before = JSON.parse(fs.readFileSync(beforeFile, 'utf8'));
  const row = (label, a, b) => `| ${label} | ${a ?? 0} | ${b ?? 0} | ${(b ?? 0) - (a ?? 0) >= 0 ? '+' : ''}${(b ?? 0) - (a ?? 0)} |`;
  console.log(`\nbefore: ${beforeFile}\n\n| | before | after | change |\n| --- | ---: | ---: | ---: |`);
  console.log(row('files', before.files, totals.files));
  console.log(row('files changed', before.filesChanged, totals.filesChanged));
  console.log(row('converted', before.converted, totals.converted));
  console.log(row('refused', before.refused, totals.refused));
  const reasons = [...new Set([...Object.keys(before.byReason ?? {}), ...Object.keys(totals.byReason)])].sort((a, b) => (totals.byReason[b] ?? 0) - (totals.byReason[a] ?? 0));
  for (const reason of reasons) console.log(row(`refused: ${reason}`, before.byReason?.[reason], totals.byReason[reason]));
}
