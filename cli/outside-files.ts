import * as path from 'node:path';

/**
 * Whether a file lies outside the directory the run is based on. ESLint
 * ignores such files ("outside of base path"), so the CLI lints them with an
 * ESLint based at their file system root instead.
 */
export function isOutside(cwd: string, file: string): boolean {
  const relative = path.relative(cwd, file);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/** The files outside `cwd`, grouped by their file system root (one per drive on Windows). */
export function outsideByRoot(cwd: string, files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    if (!isOutside(cwd, file)) continue;
    const root = path.parse(file).root;
    groups.set(root, [...(groups.get(root) ?? []), file]);
  }
  return groups;
}
