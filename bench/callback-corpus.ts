import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listSourceFiles, type Corpus } from './corpus';

/**
 * The callback-heavy corpus: plain JavaScript written in the error-first
 * callback style, from packages already under `node_modules/` (so the bench
 * runs offline). Only each package's own files: no nested `node_modules`,
 * no tests, no bundles (`dist/`, `browser-version/`) and, as in the main
 * corpus, no `*.min.js` and nothing over 200 KiB. A package missing from
 * `node_modules/` is skipped (the fingerprint then changes).
 */
export const CALLBACK_PACKAGES = [
  'async',
  'express',
  'fs-extra',
  'fstream',
  'glob',
  'graceful-fs',
  'mkdirp',
  'mysql',
  'ncp',
  'nedb',
  'needle',
  'node-gyp',
  'portfinder',
  'read-package-json',
  'redis',
  'request',
  'rimraf',
  'ssh2',
  'tar',
  'tmp',
] as const;

const SKIPPED_DIRECTORY = /(?:^|\/)(?:node_modules|tests?|test_lac|spec|__tests__|benchmarks?|dist|browser-version)\//;
const JAVASCRIPT_FILE = /\.[cm]?js$/;

export interface CallbackCorpus extends Corpus {
  /** The packages found, with their versions (`name@version`). */
  readonly packages: string[];
}

export function selectCallbackCorpus(nodeModules: string): CallbackCorpus {
  const files: string[] = [];
  const packages: string[] = [];
  for (const name of CALLBACK_PACKAGES) {
    const root = path.join(nodeModules, name);
    const manifest = path.join(root, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    packages.push(`${name}@${(JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version}`);
    for (const file of listSourceFiles(root)) {
      if (JAVASCRIPT_FILE.test(file) && !SKIPPED_DIRECTORY.test(file)) files.push(`${name}/${file}`);
    }
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fingerprint = crypto.createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
  return { files: files.map((file) => path.join(nodeModules, file)), candidates: files.length, fingerprint, packages };
}
