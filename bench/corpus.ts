import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Extensions the plugin lints (declaration files are skipped: they hold no code to run). */
const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
/** Larger files are fuzzing material (the 2 MB one-liner), not typical code: they would dominate the timings. */
export const MAX_CORPUS_FILE_BYTES = 200 * 1024;
export const CORPUS_SIZE = 2000;
/** Every TYPED_STRIDE-th corpus file goes into the type-aware sub-corpus. */
export const TYPED_STRIDE = 5;

/**
 * devDependencies added after the corpus was fixed, left out so the corpus
 * (and its fingerprint, d1448e55ce3d) stays the one earlier measurements used.
 */
const LATER_DEV_DEPENDENCIES = new Set(['oxlint', 'oxlint-lowest', '@oxlint']);

export interface Corpus {
  /** Absolute paths, in the fixed order. */
  readonly files: string[];
  /** How many candidates the rule chose from. */
  readonly candidates: number;
  /** sha256 of the relative file list: two runs compare when it matches. */
  readonly fingerprint: string;
}

/**
 * The fixed corpus rule: every JS/TS source file under `root` (no `.d.ts`,
 * no `*.min.js`, at most 200 KiB), sorted by relative path, then `size`
 * files taken at evenly spaced indices so every package contributes.
 * Pass `size` = Infinity to take them all (an extra directory).
 */
export function selectCorpus(root: string, size = CORPUS_SIZE): Corpus {
  const candidates = listSourceFiles(root)
    .filter((file) => !LATER_DEV_DEPENDENCIES.has(file.split('/')[0] ?? ''))
    .sort(compareCodeUnits);
  const files =
    candidates.length <= size
      ? candidates
      : Array.from({ length: size }, (_, index) => candidates[Math.floor((index * candidates.length) / size)] as string);
  const fingerprint = crypto.createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
  return { files: files.map((file) => path.join(root, file)), candidates: candidates.length, fingerprint };
}

/** Relative POSIX paths of the candidate files, in directory order (callers sort). */
export function listSourceFiles(root: string): string[] {
  const found: string[] = [];
  const pending: string[] = [''];
  for (let relative = pending.pop(); relative !== undefined; relative = pending.pop()) {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== '.bench') pending.push(child);
      } else if (entry.isFile() && isCandidate(path.join(root, child), entry.name)) {
        found.push(child);
      }
    }
  }
  return found;
}

function isCandidate(absolute: string, name: string): boolean {
  if (!SOURCE_FILE.test(name) || DECLARATION_FILE.test(name) || name.endsWith('.min.js')) return false;
  return fs.statSync(absolute).size <= MAX_CORPUS_FILE_BYTES;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The type-aware sub-corpus: every TYPED_STRIDE-th file of the corpus. */
export function typedSubset(files: readonly string[]): string[] {
  return files.filter((_, index) => index % TYPED_STRIDE === 0);
}

/**
 * Copies files into `dir`, keeping their paths relative to `root` so
 * relative imports between them still resolve. `node_modules` in a path
 * becomes `packages`: ESLint ignores node_modules whatever the options, and
 * TypeScript treats it as libraries. With `tsconfig`, writes a tsconfig.json
 * including them all, so `projectService` finds one project for every file.
 * Returns the copied paths, in the same order.
 */
export function materializeCorpus(files: readonly string[], root: string, dir: string, options: { tsconfig: boolean }): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const copies = files.map((file) => {
    const relative = path.relative(root, file).split(path.sep).map((part) => (part === 'node_modules' ? 'packages' : part));
    const copy = path.join(dir, ...relative);
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(file, copy);
    return copy;
  });
  if (options.tsconfig) writeTsconfig(dir);
  return copies;
}

function writeTsconfig(dir: string): void {
  const typeRoots = path.join(__dirname, '..', '..', 'node_modules', '@types');
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      allowJs: true,
      checkJs: false,
      jsx: 'preserve',
      noEmit: true,
      skipLibCheck: true,
      strict: false,
      experimentalDecorators: true,
      typeRoots: [typeRoots],
      types: ['node'],
    },
    include: ['**/*'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
}
