import * as fs from 'node:fs';
import { relativeSpecifiers } from './relative-specifiers';
import { forEachSourceFile } from './source-files';

/** Folders no importer of the package's sources lives in (hidden ones are skipped too). */
const SKIPPED_FOLDERS = new Set(['node_modules']);
/** Beyond this many files the walk stops and every exporting file counts as public (see `outsideImporters`). */
const MAX_FILES = 20_000;
const MAX_FILE_SIZE = 1_000_000;

interface Known {
  readonly mtimeMs: number;
  readonly size: number;
  readonly specifiers: readonly string[];
}

/** What each file on disk imports relatively, kept while its size and time stay the same (the editor asks again and again). */
const known = new Map<string, Known>();

/**
 * The files of the program that a file of the same package outside the
 * program imports (its tests, say: `require('../symlink-paths')`). Such a
 * file is public API even when the program imports it too. `undefined`: the
 * package has more files than the walk reads, so nothing can be ruled out.
 */
export function outsideImporters(
  root: string,
  programPaths: ReadonlySet<string>,
  resolve: (from: string, specifier: string) => string | undefined,
): Set<string> | undefined {
  const found = new Set<string>();
  let seen = 0;
  forEachSourceFile(root, SKIPPED_FOLDERS, (file) => {
    if (programPaths.has(file)) return true;
    if (++seen > MAX_FILES) return false;
    for (const specifier of specifiersOf(file)) {
      const target = resolve(file, specifier);
      if (target !== undefined) found.add(target);
    }
    return true;
  });
  return seen > MAX_FILES ? undefined : found;
}

function specifiersOf(file: string): readonly string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const cached = known.get(file);
  if (cached !== undefined && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.specifiers;
  let specifiers: string[] = [];
  if (stat.size <= MAX_FILE_SIZE) {
    try {
      specifiers = relativeSpecifiers(fs.readFileSync(file, 'utf8'));
    } catch {
      specifiers = [];
    }
  }
  known.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, specifiers });
  return specifiers;
}
