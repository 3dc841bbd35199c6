#!/usr/bin/env node
/**
 * Real-code behaviour check of the conversion: copies a few installed
 * packages whose code the conversion changes, converts every JavaScript file
 * of the copy with convertFileText, runs the same driver program against the
 * original and the converted copy, and compares stdout and exit code.
 *
 *   npm run build && node scripts/check-converted-packages.js
 *
 * The copies live under .conversion-check/ in the work tree (so that their
 * own dependencies resolve from node_modules/) and are removed at the end.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { convertFileText } = require('../dist/rules/convert');

const root = path.join(__dirname, '..');
const work = path.join(root, '.conversion-check');

/** Each driver gets the package folder as argv[2] and prints what it observed. */
const PACKAGES = [
  {
    name: 'ncp',
    driver: `
const fs = require('fs'), os = require('os'), path = require('path');
const ncp = require(process.argv[2]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ncp-check-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
fs.mkdirSync(path.join(tmp, 'src/a/b'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'src/a/b/deep.txt'), 'deep');
fs.writeFileSync(path.join(tmp, 'src/top.txt'), 'top');
fs.symlinkSync('top.txt', path.join(tmp, 'src/link'));
const list = (dir) => fs.readdirSync(dir, { recursive: true }).sort().map((name) => {
  const full = path.join(dir, name);
  const stat = fs.lstatSync(full);
  return name + (stat.isSymbolicLink() ? ' -> ' + fs.readlinkSync(full) : stat.isFile() ? ' = ' + fs.readFileSync(full, 'utf8') : '/');
});
ncp(path.join(tmp, 'src'), path.join(tmp, 'dst'), (err) => {
  console.log('copy', err ? 'failed' : 'ok', list(path.join(tmp, 'dst')).join(', '));
  ncp(path.join(tmp, 'src'), path.join(tmp, 'dst'), { clobber: false }, (err) => {
    console.log('again without clobber', err ? 'failed' : 'ok');
    ncp(path.join(tmp, 'missing'), path.join(tmp, 'dst2'), (err) => {
      console.log('missing source', [].concat(err || []).map((e) => e.code).join(','));
    });
  });
});`,
  },
  {
    name: 'fs.realpath',
    driver: `
const fs = require('fs'), os = require('os'), path = require('path');
const old = require(path.join(process.argv[2], 'old.js'));
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'realpath-check-')));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
fs.mkdirSync(path.join(tmp, 'real/inner'), { recursive: true });
fs.symlinkSync(path.join(tmp, 'real'), path.join(tmp, 'link'));
fs.symlinkSync('inner', path.join(tmp, 'real/rel'));
old.realpath(path.join(tmp, 'link/rel'), {}, (err, resolved) => {
  console.log('resolved', err ? err.code : path.relative(tmp, resolved));
  old.realpath(path.join(tmp, 'link/none'), {}, (err) => console.log('missing', err && err.code));
});`,
  },
  {
    name: 'eslint9/node_modules/keyv',
    driver: `
const Keyv = require(process.argv[2]);
(async () => {
  const store = new Keyv();
  console.log('set', await store.set('a', { n: 1 }));
  console.log('get', JSON.stringify(await store.get('a')));
  await store.clear();
  console.log('after clear', await store.get('a'));
})();`,
  },
  {
    name: '@humanfs/node',
    module: true,
    driver: `
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const { NodeHfs } = await import(pathToFileURL(path.join(process.argv[2], 'src/node-hfs.js')).href);
const hfs = new NodeHfs();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hfs-check-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
await hfs.write(path.join(tmp, 'new/dir/file.txt'), 'written');
await hfs.append(path.join(tmp, 'new/dir/file.txt'), ' more');
console.log('text', await hfs.text(path.join(tmp, 'new/dir/file.txt')));
console.log('bytes of missing', await hfs.bytes(path.join(tmp, 'missing')));
console.log('isFile', await hfs.isFile(path.join(tmp, 'new/dir/file.txt')), await hfs.isFile(path.join(tmp, 'nope')));
await hfs.move(path.join(tmp, 'new/dir/file.txt'), path.join(tmp, 'moved.txt'));
console.log('moved', await hfs.text(path.join(tmp, 'moved.txt')));
try { await hfs.move(path.join(tmp, 'new'), path.join(tmp, 'x')); } catch (error) { console.log('move dir', error.message.split(':')[0]); }`,
  },
];

function convertTree(folder) {
  let conversions = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !/\.(?:c|m)?js$/.test(entry.name) || path.relative(folder, full).split(path.sep).includes('node_modules')) continue;
    const text = fs.readFileSync(full, 'utf8');
    const result = convertFileText(text, entry.name);
    conversions += result.report.filter((item) => item.outcome === 'converted').length;
    if (result.text !== text) fs.writeFileSync(full, result.text);
  }
  return conversions;
}

function run(driverFile, packageDir) {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [driverFile, packageDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 }) };
  } catch (error) {
    return { code: error.status, stdout: `${error.stdout}${String(error.stderr).split('\n').slice(0, 3).join('\n')}` };
  }
}

fs.rmSync(work, { recursive: true, force: true });
let failures = 0;
try {
  for (const pkg of PACKAGES) {
    const source = path.join(root, 'node_modules', pkg.name);
    const original = path.join(work, 'original', pkg.name);
    const converted = path.join(work, 'converted', pkg.name);
    fs.cpSync(source, original, { recursive: true, dereference: true, filter: (from) => !path.relative(source, from).split(path.sep).includes('node_modules') });
    fs.cpSync(original, converted, { recursive: true });
    const conversions = convertTree(converted);
    const driver = path.join(work, `driver-${pkg.name.replace(/[/@]/g, '_')}.${pkg.module ? 'mjs' : 'cjs'}`);
    fs.writeFileSync(driver, pkg.driver);
    const before = run(driver, original);
    const after = run(driver, converted);
    const same = before.code === after.code && before.stdout === after.stdout;
    if (!same) failures += 1;
    console.log(`${same ? 'same' : 'DIFFERENT'}: ${pkg.name} (${conversions} conversions), exit ${before.code}/${after.code}`);
    console.log(before.stdout.trim().split('\n').map((line) => `    ${line}`).join('\n'));
    if (!same) console.log(`  converted printed:\n${after.stdout}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
process.exitCode = failures === 0 ? 0 : 1;
