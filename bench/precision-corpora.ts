import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PrecisionCorpus {
  /** Name used in the labels. */
  readonly name: string;
  /** Folders (relative to the corpus root) holding the shipped code linted. */
  readonly directories: readonly string[];
  /** `node_modules` corpora are always there; pinned repositories are extracted by hand. */
  readonly kind: 'node_modules' | 'pinned';
  /** For a pinned repository: the repository and the commit labelled. */
  readonly repository?: string;
  readonly commit?: string;
  readonly howToFetch: string;
}

const CALLBACK_ERA_PACKAGES = [
  'async', 'express', 'fs-extra', 'fstream', 'glob', 'graceful-fs', 'mkdirp', 'mysql', 'ncp', 'nedb', 'needle', 'node-gyp',
  'portfinder', 'read-package-json', 'redis', 'request', 'rimraf', 'ssh2', 'tar', 'tmp',
];

function pinned(name: string, repository: string, tag: string, commit: string, directories: string[]): PrecisionCorpus {
  return {
    name,
    directories,
    kind: 'pinned',
    repository,
    commit,
    howToFetch: `clone ${repository} and run \`git archive ${commit} ${directories.join(' ')} | tar -x -C "$ASYNC_GUARD_CORPORA/${name}"\` (tag ${tag})`,
  };
}

/** The corpora the labels refer to. Versions of node_modules ones are those of package-lock.json. */
export const CORPORA: readonly PrecisionCorpus[] = [
  { name: 'npm-callback-era', directories: CALLBACK_ERA_PACKAGES, kind: 'node_modules', howToFetch: 'npm ci' },
  { name: 'npm-promise-era', directories: ['mongodb/lib', 'puppeteer-core/lib/cjs'], kind: 'node_modules', howToFetch: 'npm ci' },
  pinned('mongodb-3.7.4', 'mongodb/node-mongodb-native', 'v3.7.4', 'c2b6da1c4e8e05a2bca768140f3a00e30ade750c', ['lib']),
  pinned('node-postgres-7.14.0', 'brianc/node-postgres', 'v7.14.0', '30f67bb246cabfc6a9d4cd026e6abedbcd0e2239', ['lib']),
];

/** Where a corpus lies, or undefined when a pinned one has not been extracted. */
export function corpusRoot(corpus: PrecisionCorpus, repo: string): string | undefined {
  if (corpus.kind === 'node_modules') return path.join(repo, 'node_modules');
  const root = path.join(process.env.ASYNC_GUARD_CORPORA ?? '/work/corpora', corpus.name);
  return fs.existsSync(root) ? root : undefined;
}
