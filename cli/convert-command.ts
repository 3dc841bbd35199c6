import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint } from 'eslint';
import { convertFileText, type ConversionReportEntry } from '../rules/convert';
import { collectFiles } from './file-list';

export interface ConvertIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

export interface ConvertOptions {
  /** Print the report without writing any file. */
  readonly dryRun: boolean;
  readonly maxFileSizeBytes: number;
  readonly eslint: ESLint;
}

/**
 * `async-guard --convert`: applies every safe callback → async/await
 * conversion to the files under `targets`, writes them back, and prints a
 * per-file report of what was converted and what was refused, and why.
 * Resolves to the exit code: 0, or 2 when a file could not be read.
 */
export async function runConvert(targets: readonly string[], options: ConvertOptions, io: ConvertIo): Promise<number> {
  const { files, notices } = await collectFiles(targets, { cwd: io.cwd, maxFileSizeBytes: options.maxFileSizeBytes, eslint: options.eslint });
  for (const notice of notices) io.stderr(`async-guard: ${notice.text}\n`);
  let converted = 0;
  let changedFiles = 0;
  let unreadable = 0;
  const refusals = new Map<string, number>();
  for (const file of files) {
    const relative = path.relative(io.cwd, file) || file;
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch (error) {
      io.stderr(`async-guard: ${relative}: cannot read (${error instanceof Error ? error.message : String(error)})\n`);
      unreadable += 1;
      continue;
    }
    const conversion = convertFileText(text, file);
    if (conversion.parseError !== undefined) {
      io.stderr(`async-guard: ${relative}: ${conversion.parseError.replace(/\s+/g, ' ')} (file skipped)\n`);
      continue;
    }
    if (conversion.report.length === 0) continue;
    io.stdout(`${relative}\n`);
    for (const entry of conversion.report) {
      io.stdout(`  ${describe(entry)}\n`);
      if (entry.outcome === 'converted') converted += 1;
      else refusals.set(entry.reason ?? 'unknown', (refusals.get(entry.reason ?? 'unknown') ?? 0) + 1);
    }
    if (conversion.text !== text) {
      changedFiles += 1;
      if (!options.dryRun) await fs.promises.writeFile(file, conversion.text);
    }
  }
  const refused = [...refusals.values()].reduce((sum, count) => sum + count, 0);
  const byReason = [...refusals].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${reason} ${count}`).join(', ');
  const verb = options.dryRun ? 'would convert' : 'converted';
  io.stdout(
    `\n${verb} ${converted} call(s) in ${changedFiles} file(s) of ${files.length}; refused ${refused}${refused > 0 ? ` (${byReason})` : ''}\n`,
  );
  return unreadable > 0 ? 2 : 0;
}

function describe(entry: ConversionReportEntry): string {
  const where = `${entry.line}`.padStart(5);
  if (entry.outcome === 'converted') {
    const notes = entry.notes !== undefined && entry.notes.length > 0 ? `: ${entry.notes.join('; ')}` : '';
    return `${where}  converted  ${entry.callee}${notes}`;
  }
  return `${where}  refused    ${entry.callee}: ${entry.reason ?? 'unknown'} (${entry.reasonText ?? 'no reason given'})`;
}
