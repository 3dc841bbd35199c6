#!/usr/bin/env node
/**
 * Copies the JS of the callback-era packages in node_modules/ (with their own
 * dependencies) into a folder, for scripts/diff-oxlint.js and
 * scripts/bench-oxlint-folder.js. `node_modules` in the copied paths becomes
 * `packages` (ESLint never lints node_modules).
 *
 *   npm run build && node scripts/make-callback-corpus.js /work/corpora/callback-packages
 */
'use strict';
const path = require('node:path');
const { listSourceFiles, materializeCorpus } = require('../dist/bench/corpus');

const PACKAGES = ['async', 'request', 'mysql', 'nedb', 'redis', 'ssh2', 'tar', 'fs-extra', 'graceful-fs', 'mkdirp', 'ncp', 'needle', 'node-gyp', 'portfinder', 'rimraf', 'tmp', 'read-package-json', 'glob', 'express'];
const target = process.argv[2];
if (target === undefined) {
  process.stderr.write('usage: node scripts/make-callback-corpus.js <folder>\n');
  process.exit(2);
}
const nodeModules = path.join(__dirname, '..', 'node_modules');
const files = PACKAGES.flatMap((name) => listSourceFiles(path.join(nodeModules, name)).map((file) => path.join(nodeModules, name, file))).sort();
const copied = materializeCorpus(files, nodeModules, path.resolve(target), { tsconfig: false });
process.stdout.write(`${copied.length} files from ${PACKAGES.length} packages in ${path.resolve(target)}\n`);
