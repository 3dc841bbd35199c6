import type { ESLint } from 'eslint';
import { lintContainingCrashes } from './contain-crashes';

/** Runs over this many files show a progress line (when stderr is a terminal). */
export const PROGRESS_MIN_FILES = 200;

export type ProgressReporter = (done: number, total: number) => void;

/**
 * Lints the files, in chunks when progress is wanted: ESLint reports nothing
 * until `lintFiles` returns, so the chunk boundaries are the progress ticks.
 * With worker threads every chunk starts its workers anew (and, type-aware,
 * builds its TypeScript program anew), so those runs use few, large chunks.
 */
export async function lintInChunks(
  eslint: ESLint,
  files: readonly string[],
  options: { progress: ProgressReporter | undefined; concurrent: boolean },
): Promise<ESLint.LintResult[]> {
  if (options.progress === undefined || files.length <= PROGRESS_MIN_FILES) return lintContainingCrashes(eslint, files);
  const chunkCount = options.concurrent ? 4 : 20;
  const chunkSize = Math.max(50, Math.ceil(files.length / chunkCount));
  const results: ESLint.LintResult[] = [];
  options.progress(0, files.length);
  for (let start = 0; start < files.length; start += chunkSize) {
    results.push(...(await lintContainingCrashes(eslint, files.slice(start, start + chunkSize))));
    options.progress(Math.min(start + chunkSize, files.length), files.length);
  }
  return results;
}

/** A one-line progress display that rewrites itself (`\r`) and clears at the end. */
export function terminalProgress(write: (text: string) => void): { report: ProgressReporter; clear: () => void } {
  let shown = false;
  return {
    report(done, total) {
      shown = true;
      const percent = Math.floor((100 * done) / total);
      write(`\rasync-guard: ${done}/${total} files (${percent} %)\u001b[K`);
    },
    clear() {
      if (shown) write('\r\u001b[K');
    },
  };
}
