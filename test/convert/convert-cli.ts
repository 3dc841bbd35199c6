import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunResult } from './run-programs';

const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'async-guard.js');

/**
 * Runs `async-guard --convert <target>` from `cwd` (the CLI writes in place).
 * The CLI leaves alone files outside its working folder (ESLint ignores
 * them), so `cwd` must contain `target`.
 */
export function runConvertCli(cwd: string, target: string, extraArguments: readonly string[] = []): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, '--convert', ...extraArguments, target], { cwd, timeout: 120_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ stdout, stderr, code });
    });
  });
}

/** Copies a program (a file or a folder) into `destination`, which is created. */
export function copyProgram(source: string, destination: string): string {
  fs.mkdirSync(destination, { recursive: true });
  const copy = path.join(destination, path.basename(source));
  fs.cpSync(source, copy, { recursive: true });
  return copy;
}
