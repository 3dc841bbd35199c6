import * as fs from 'node:fs';
import * as path from 'node:path';
import { pinned, type PrecisionCorpus } from './precision-corpus';
import { CALLBACK_ERA_CORPORA } from './precision-corpora-callback';
import { PROMISE_ERA_CORPORA } from './precision-corpora-promise';

const CALLBACK_ERA_PACKAGES = [
  'async', 'express', 'fs-extra', 'fstream', 'glob', 'graceful-fs', 'mkdirp', 'mysql', 'ncp', 'nedb', 'needle', 'node-gyp',
  'portfinder', 'read-package-json', 'redis', 'request', 'rimraf', 'ssh2', 'tar', 'tmp',
];

/** The corpora the labels refer to. Versions of node_modules ones are those of package-lock.json. */
const FIRST_CORPORA: readonly PrecisionCorpus[] = [
  { name: 'npm-callback-era', directories: CALLBACK_ERA_PACKAGES, kind: 'node_modules', howToFetch: 'npm ci' },
  { name: 'npm-promise-era', directories: ['mongodb/lib', 'puppeteer-core/lib/cjs'], kind: 'node_modules', howToFetch: 'npm ci' },
  pinned('mongodb-3.7.4', 'mongodb/node-mongodb-native', 'v3.7.4', 'c2b6da1c4e8e05a2bca768140f3a00e30ade750c', ['lib']),
  pinned('node-postgres-7.14.0', 'brianc/node-postgres', 'v7.14.0', '30f67bb246cabfc6a9d4cd026e6abedbcd0e2239', ['lib']),
];

export const CORPORA: readonly PrecisionCorpus[] = [...FIRST_CORPORA, ...CALLBACK_ERA_CORPORA, ...PROMISE_ERA_CORPORA];

/** Where a corpus lies, or undefined when a pinned one has not been extracted. */
export function corpusRoot(corpus: PrecisionCorpus, repo: string): string | undefined {
  if (corpus.kind === 'node_modules') return path.join(repo, 'node_modules');
  const root = path.join(process.env.ASYNC_GUARD_CORPORA ?? '/work/corpora', corpus.name);
  return fs.existsSync(root) ? root : undefined;
}
