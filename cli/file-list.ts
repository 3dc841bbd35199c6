import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint } from 'eslint';
import type { Notice } from './notices';
import { isOutside } from './outside-files';

/** Folders never walked into: dependencies, version control, build output. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);
const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
/** Below this size a one-line file is cheap to lint, minified or not. */
const MINIFIED_MIN_BYTES = 16 * 1024;
/** Hand-written code stays far below this mean line length; minified bundles far above. */
const MINIFIED_MEAN_LINE_LENGTH = 500;

export interface FileList {
  /** Absolute paths to lint, sorted. */
  readonly files: string[];
  /** Files left out on purpose (too large, minified), one line each. */
  readonly notices: Notice[];
}

/**
 * The files to lint: named files as given (ESLint tells if they are not
 * JavaScript or TypeScript), folders walked for JS/TS files that the
 * configuration does not ignore. Known so early, the count drives the
 * progress line, and huge or minified files are left out before ESLint
 * spends seconds parsing them.
 */
export async function collectFiles(
  targets: readonly string[],
  options: { cwd: string; maxFileSizeBytes: number; eslint: ESLint },
): Promise<FileList> {
  const found = new Set<string>();
  for (const target of targets) {
    const absolute = path.resolve(options.cwd, target);
    if ((await fs.promises.stat(absolute)).isDirectory()) {
      for (const file of walk(absolute)) {
        // ESLint calls every file outside its base directory ignored: the walk's own skips apply there.
        if (isOutside(options.cwd, file) || !(await options.eslint.isPathIgnored(file))) found.add(file);
      }
    } else {
      found.add(absolute);
    }
  }
  const files: string[] = [];
  const notices: Notice[] = [];
  for (const file of [...found].sort()) {
    const reason = tooCostly(file, options.maxFileSizeBytes);
    if (reason === undefined) files.push(file);
    else notices.push({ filePath: file, text: `${path.relative(options.cwd, file) || file}: ${reason}: skipped` });
  }
  return { files, notices };
}

function walk(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const child = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(child);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
        files.push(child);
      }
    }
  }
  return files;
}

/** Why a file is not worth linting, or undefined. */
export function tooCostly(file: string, maxBytes: number): string | undefined {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return undefined; // ESLint reports unreadable files itself.
  }
  if (size > maxBytes) return `${formatSize(size)}, over the ${formatSize(maxBytes)} limit (--max-file-size)`;
  if (size >= MINIFIED_MIN_BYTES && isMinified(fs.readFileSync(file, 'utf8'))) return 'minified (very long lines)';
  return undefined;
}

export function isMinified(text: string): boolean {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return text.length / lines > MINIFIED_MEAN_LINE_LENGTH;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
