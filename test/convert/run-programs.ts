import { execFile } from 'node:child_process';

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

/** Runs a Node program, never rejecting: a crash is a result too. */
export function runNode(file: string, cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd, timeout: 20_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ stdout, stderr, code });
    });
  });
}

/** Runs tasks with at most `limit` at a time (the machine has few cores). */
export async function withLimit<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index];
      if (task !== undefined) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * What must match in stderr: whether there is any, and the error codes
 * named in it (`ENOENT`). An uncaught exception and an unhandled rejection
 * print the same error differently.
 */
export function stderrShape(stderr: string): { readonly empty: boolean; readonly codes: readonly string[] } {
  const codes = [...new Set(stderr.match(/\bE[A-Z]{3,}\b/g) ?? [])].sort();
  return { empty: stderr.trim() === '', codes };
}
