#!/usr/bin/env node
/**
 * The conversion on real code: for each package of
 * scripts/evaluation-packages.json (callback-era packages whose own test
 * suites run offline), copies the pinned commit to a temporary folder,
 * installs its dependencies from the npm registry, runs its test suite,
 * counts the callbacks of its sources (scripts/count-callbacks.js), converts
 * the sources (never the tests) with `async-guard --convert`, counts again,
 * and runs the suite again on the converted copy. Prints per package:
 * callbacks before/after, contracts and calls converted (from the CLI's
 * report), refusals by reason, the suite's pass/fail before/after and the
 * tests that passed before and fail after.
 *
 *   npm run build
 *   node scripts/evaluate-packages.js --git-dirs DIR [--only name,…] [--json FILE] [--keep] [--defer-sync-callbacks]
 *
 * DIR holds a bare clone of each package's repository, as `owner+name/repo`
 * or `owner+name.git` (`git clone --bare <repository> DIR/owner+name.git`).
 * The packages themselves never enter this repository. --json writes the
 * results (docs/evaluation/packages.json holds the last recorded run);
 * --keep leaves the temporary copies for reading the converted sources.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { countCallbacks } = require('./count-callbacks');

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'async-guard.js');
/** `--defer-sync-callbacks` is passed on to `async-guard --convert`. */
const CONVERT_FLAGS = process.argv.includes('--defer-sync-callbacks') ? ['--defer-sync-callbacks'] : [];
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const TEST_TIMEOUT_MS = 15 * 60_000;

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function run(command, args, cwd, timeout) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '', CI: 'true', FORCE_COLOR: '0' } });
  return { code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '', ms: Date.now() - started };
}

/** `lib/**\/*.js` → a RegExp over '/'-separated relative paths. */
function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else source += /[\\^$.|?+()[\]{}]/.test(char) ? `\\${char}` : char;
  }
  return new RegExp(`^${source}$`);
}

function listFiles(folder, prefix = '') {
  const files = [];
  for (const entry of fs.readdirSync(path.join(folder, prefix), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') files.push(...listFiles(folder, relative));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

function matching(folder, globs, exclude = []) {
  const include = globs.map(globToRegExp);
  const skip = exclude.map(globToRegExp);
  return listFiles(folder).filter((file) => include.some((re) => re.test(file)) && !skip.some((re) => re.test(file)));
}

function gitDirOf(gitDirs, repository) {
  const base = repository.replace('/', '+');
  for (const candidate of [path.join(gitDirs, base, 'repo'), path.join(gitDirs, `${base}.git`), path.join(gitDirs, base)]) {
    if (fs.existsSync(path.join(candidate, 'HEAD'))) return candidate;
  }
  throw new Error(`no git directory for ${repository} under ${gitDirs} (expected ${base}/repo or ${base}.git)`);
}

/**
 * Pass/fail counts of TAP output (mocha's `tap` reporter, node-tap's nested
 * subtests): leaf assertions only, a subtest's summary line (which follows
 * its indented block) is not counted again. Names are the subtest path plus
 * the assertion, numbered when repeated, to compare runs.
 */
function parseTap(output) {
  const passed = [];
  const failed = [];
  const stack = [];
  const seen = new Map();
  let previousIndent = -1;
  let previousText = '';
  let inYaml = false;
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const text = line.trim();
    // A failure's YAML block belongs to the assertion above it: skipped whole.
    if (inYaml) {
      if (text === '...') inYaml = false;
      continue;
    }
    if (text === '---' && /^(?:not )?ok\b/.test(previousText)) {
      inYaml = true;
      continue;
    }
    const subtest = /^# Subtest: (.*)$/.exec(text);
    if (subtest) {
      while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
      stack.push({ indent, name: subtest[1], failedBefore: failed.length });
    }
    const result = /^(not ok|ok)\b\s*\d*\s*(?:-\s*)?(.*?)(?:\s+#\s*(?:time=.*|SKIP.*|TODO.*))?$/i.exec(text);
    if (result) {
      // A subtest's summary follows its indented block (assertions, plan, comments); a stack trace printed by mocha below a failure is no block.
      const isSummary = previousIndent > indent && /^(?:\d+\.\.\d+|# |(?:not )?ok\b)/.test(previousText);
      let closed;
      while (stack.length > 0 && stack[stack.length - 1].indent > indent) closed = stack.pop();
      // A failing subtest with no failing assertion of its own (a test file that crashed) is one failure.
      if (isSummary && result[1] === 'not ok' && closed !== undefined && failed.length === closed.failedBefore) {
        failed.push([...stack.map((entry) => entry.name), closed.name].join(' > '));
      }
      if (!isSummary && !/#\s*(SKIP|TODO)/i.test(text)) {
        const key = [...stack.filter((entry) => entry.indent <= indent).map((entry) => entry.name), result[2]].join(' > ');
        const count = (seen.get(key) ?? 0) + 1;
        seen.set(key, count);
        (result[1] === 'ok' ? passed : failed).push(count === 1 ? key : `${key} #${count}`);
      }
    }
    previousIndent = indent;
    previousText = text;
  }
  return { pass: passed.length, fail: failed.length, passed, failed };
}

/** The CLI's `--convert` report: converted entries (`function …` ones are contracts) and refusals by reason. */
function parseConvertReport(stdout) {
  const report = { contracts: 0, calls: 0, converted: [], refusals: {}, refused: [], kept: {}, keptFunctions: [] };
  for (const line of stdout.split('\n')) {
    // The contract level: `  file.js:12  converted  name: now async…` / `  file.js:12  refused    name: reason (detail)`.
    const contract = /^\s+(\S+:\d+)\s+(converted|refused)\s+([^:]+): (?:now async|([a-z][\w-]*) \((.*)\))/.exec(line);
    if (contract) {
      if (contract[2] === 'converted') {
        report.contracts += 1;
        report.converted.push(`${contract[1]} function ${contract[3]}`);
      } else {
        report.kept[contract[4]] = (report.kept[contract[4]] ?? 0) + 1;
        report.keptFunctions.push(`${contract[1]} ${contract[3]}: ${contract[4]} (${contract[5]})`);
      }
      continue;
    }
    const converted = /^\s*(\d+)\s+converted\s+(.+?)(?::\s.*)?$/.exec(line);
    if (converted) {
      const callee = converted[2];
      if (callee.startsWith('function ') || /\bcontract\b/.test(line)) report.contracts += 1;
      else report.calls += 1;
      report.converted.push(`${converted[1]} ${callee}`);
      continue;
    }
    const refused = /^\s*(\d+)\s+refused\s+(.+?): ([a-z][\w-]*) \(/.exec(line);
    if (refused) {
      report.refusals[refused[3]] = (report.refusals[refused[3]] ?? 0) + 1;
      report.refused.push(`${refused[1]} ${refused[2]}: ${refused[3]}`);
    }
  }
  return report;
}

function countAll(folder, files) {
  const totals = { literals: 0, parameters: 0, total: 0, unparsable: [] };
  for (const file of files) {
    try {
      const counts = countCallbacks(fs.readFileSync(path.join(folder, file), 'utf8'), file);
      totals.literals += counts.literals;
      totals.parameters += counts.parameters;
      totals.total += counts.total;
    } catch (error) {
      totals.unparsable.push(`${file}: ${error.message}`);
    }
  }
  return totals;
}

function expandArgs(args, cwd) {
  return args.flatMap((arg) => (arg.includes('*') ? matching(cwd, [arg]) : [arg]));
}

function runSuite(pkg, cwd) {
  const [command, ...args] = pkg.test;
  const result = run(command, expandArgs(args, cwd), cwd, TEST_TIMEOUT_MS);
  const tap = parseTap(result.stdout);
  return { ...tap, exitCode: result.code, signal: result.signal, seconds: Math.round(result.ms / 100) / 10, tail: result.code === 0 ? '' : (result.stdout + result.stderr).split('\n').slice(-15).join('\n') };
}

function evaluate(pkg, gitDirs, workRoot) {
  const gitDir = gitDirOf(gitDirs, pkg.repository);
  const original = path.join(workRoot, pkg.name, 'original');
  const converted = path.join(workRoot, pkg.name, 'converted');
  fs.mkdirSync(original, { recursive: true });
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', pkg.commit], { maxBuffer: 512 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${pkg.commit}: ${archive.stderr}`);
  const untar = spawnSync('tar', ['-x', '-C', original], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
  if (pkg.removeDevDependencies !== undefined) {
    const manifestPath = path.join(original, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    for (const name of pkg.removeDevDependencies) delete manifest.devDependencies?.[name];
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  process.stderr.write(`${pkg.name}: npm install\n`);
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], original, INSTALL_TIMEOUT_MS);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr.slice(-2000)}`);
  fs.cpSync(original, converted, { recursive: true, verbatimSymlinks: true });

  const sources = matching(original, pkg.sources, pkg.excludeSources);
  process.stderr.write(`${pkg.name}: test suite (original)\n`);
  const suiteBefore = runSuite(pkg, original);
  const callbacksBefore = countAll(original, sources);
  process.stderr.write(`${pkg.name}: async-guard --convert ${sources.length} source file(s)\n`);
  const conversion = run(process.execPath, [CLI, '--convert', ...CONVERT_FLAGS, ...sources], converted, TEST_TIMEOUT_MS);
  const report = parseConvertReport(conversion.stdout);
  const changedFiles = sources.filter((file) => fs.readFileSync(path.join(original, file), 'utf8') !== fs.readFileSync(path.join(converted, file), 'utf8'));
  const callbacksAfter = countAll(converted, sources);
  process.stderr.write(`${pkg.name}: test suite (converted)\n`);
  const suiteAfter = runSuite(pkg, converted);
  const after = new Set(suiteAfter.passed);
  return {
    name: pkg.name,
    repository: pkg.repository,
    tag: pkg.tag,
    commit: pkg.commit,
    sources,
    changedFiles,
    callbacks: { before: callbacksBefore, after: callbacksAfter, removed: callbacksBefore.total - callbacksAfter.total },
    conversion: { exitCode: conversion.code, summary: conversion.stdout.trim().split('\n').at(-1) ?? '', stderr: conversion.stderr.trim(), ...report },
    suite: {
      before: { pass: suiteBefore.pass, fail: suiteBefore.fail, exitCode: suiteBefore.exitCode, seconds: suiteBefore.seconds, failed: suiteBefore.failed },
      after: { pass: suiteAfter.pass, fail: suiteAfter.fail, exitCode: suiteAfter.exitCode, seconds: suiteAfter.seconds, failed: suiteAfter.failed },
      passedBeforeFailAfter: suiteBefore.passed.filter((name) => !after.has(name)),
    },
  };
}

function printTable(results) {
  console.log('| package | callbacks before → after (removed) | contracts converted | calls converted | refusals by reason | functions kept, by reason | suite pass/fail before | after | passed before, not after |');
  console.log('| --- | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: |');
  for (const r of results) {
    if (r.error !== undefined) {
      console.log(`| ${r.name} | error: ${r.error.split('\n')[0]} | | | | | | | |`);
      continue;
    }
    const byCount = (counts) => Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${reason} ${n}`).join(', ') || '—';
    const reasons = byCount(r.conversion.refusals);
    console.log(
      `| ${r.name}@${r.tag} | ${r.callbacks.before.total} → ${r.callbacks.after.total} (${r.callbacks.removed}) | ${r.conversion.contracts} | ${r.conversion.calls} | ${reasons} | ${byCount(r.conversion.kept ?? {})} | ${r.suite.before.pass}/${r.suite.before.fail} | ${r.suite.after.pass}/${r.suite.after.fail} | ${r.suite.passedBeforeFailAfter.length} |`,
    );
  }
  const ok = results.filter((r) => r.error === undefined);
  const before = ok.reduce((sum, r) => sum + r.callbacks.before.total, 0);
  const after = ok.reduce((sum, r) => sum + r.callbacks.after.total, 0);
  const percent = before === 0 ? 0 : Math.round(((before - after) / before) * 1000) / 10;
  console.log(`\ntotal: callbacks ${before} → ${after} (${before - after} removed, ${percent} %); suites with a test passing before and failing after: ${ok.filter((r) => r.suite.passedBeforeFailAfter.length > 0).length} of ${ok.length}`);
}

function main() {
  const gitDirs = option('--git-dirs');
  if (gitDirs === undefined) {
    console.error('usage: node scripts/evaluate-packages.js --git-dirs DIR [--only name,…] [--json FILE] [--keep]');
    process.exit(2);
  }
  const only = option('--only')?.split(',');
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'evaluation-packages.json'), 'utf8'));
  const packages = data.packages.filter((pkg) => only === undefined || only.includes(pkg.name));
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-packages-'));
  const results = [];
  for (const pkg of packages) {
    try {
      results.push(evaluate(pkg, path.resolve(gitDirs), workRoot));
    } catch (error) {
      results.push({ name: pkg.name, repository: pkg.repository, tag: pkg.tag, commit: pkg.commit, error: String(error.message ?? error) });
    }
  }
  printTable(results);
  const jsonFile = option('--json');
  if (jsonFile !== undefined) {
    const asyncGuardCommit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    fs.mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
    fs.writeFileSync(jsonFile, `${JSON.stringify({ measured: new Date().toISOString(), asyncGuardCommit, convertFlags: CONVERT_FLAGS, node: process.version, results }, null, 2)}\n`);
  }
  if (process.argv.includes('--keep')) console.error(`copies kept in ${workRoot}`);
  else fs.rmSync(workRoot, { recursive: true, force: true });
}

module.exports = { parseTap, parseConvertReport, globToRegExp };

if (require.main === module) main();
