import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint } from 'eslint';
import { createTwoFilesPatch } from 'diff';
import type { ConversionReportEntry } from '../rules/convert';
import { convertProgramTexts, shortName, type ProgramConversion } from '../rules/convert/convert-program';
import type { ApiMode } from '../rules/convert/plan/contract-plan';
import { collectFiles } from './file-list';
import { writeFileAtomic } from './write-file-atomic';

export interface ConvertIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

export interface ConvertOptions {
  /** Print the report without writing any file. */
  readonly dryRun: boolean;
  /** Print a unified diff of every changed file (writes nothing: `dryRun` is set with it). */
  readonly diff?: boolean;
  /** What converted public functions offer outside callers. */
  readonly api?: ApiMode;
  readonly deferSyncCallbacks?: boolean;
  readonly maxFileSizeBytes: number;
  readonly eslint: ESLint;
}

/**
 * `async-guard --convert`: converts the files under `targets` as one
 * program (functions with callback contracts become async across the files
 * that call them; then every call that can await does), writes them back,
 * and prints what was converted and what was refused, and why. Resolves to
 * the exit code: 0, or 2 when a file could not be read or written.
 */
export async function runConvert(targets: readonly string[], options: ConvertOptions, io: ConvertIo): Promise<number> {
  const { files, notices } = await collectFiles(targets, { cwd: io.cwd, maxFileSizeBytes: options.maxFileSizeBytes, eslint: options.eslint });
  for (const notice of notices) io.stderr(`async-guard: ${notice.text}\n`);
  let unreadable = 0;
  const inputs = new Map<string, string>();
  for (const file of files) {
    try {
      inputs.set(path.resolve(file), await fs.promises.readFile(file, 'utf8'));
    } catch (error) {
      io.stderr(`async-guard: ${shortName(file, io.cwd)}: cannot read (${error instanceof Error ? error.message : String(error)})\n`);
      unreadable += 1;
    }
  }
  const conversion = convertProgramTexts(inputs, { api: options.api ?? 'callback', deferSyncCallbacks: options.deferSyncCallbacks === true });
  const changed = [...conversion.texts].filter(([file, text]) => text !== (inputs.get(file) ?? ''));
  // Written before anything is printed: `--convert … | head` ends the process at its first closed-pipe write.
  let unwritable = 0;
  if (!options.dryRun) {
    for (const [file, text] of changed) {
      try {
        await writeFileAtomic(file, text);
      } catch (error) {
        io.stderr(`async-guard: ${shortName(file, io.cwd)}: cannot write the converted text, the file is unchanged (${error instanceof Error ? error.message : String(error)})\n`);
        unwritable += 1;
      }
    }
  }
  for (const [file, error] of conversion.parseErrors) io.stderr(`async-guard: ${shortName(file, io.cwd)}: ${error.replace(/\s+/g, ' ')} (file skipped)\n`);
  let converted = 0;
  const changedFiles = changed.length;
  const refusals = new Map<string, number>();
  const count = (reason: string): void => {
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
  };
  const kept = new Map<string, number>();
  printContracts(conversion, io, (reason) => kept.set(reason, (kept.get(reason) ?? 0) + 1));
  for (const [file, report] of conversion.reports) {
    if (report.length === 0) continue;
    io.stdout(`${shortName(file, io.cwd)}\n`);
    for (const entry of report) {
      io.stdout(`  ${describe(entry)}\n`);
      if (entry.outcome === 'converted') converted += 1;
      else count(entry.reason ?? 'unknown');
    }
  }
  if (options.diff === true) {
    for (const [file, text] of changed) io.stdout(createTwoFilesPatch(shortName(file, io.cwd), shortName(file, io.cwd), inputs.get(file) ?? '', text, '', '', { context: 3 }));
  }
  const refused = [...refusals.values()].reduce((sum, value) => sum + value, 0);
  const byReason = [...refusals].sort((a, b) => b[1] - a[1]).map(([reason, value]) => `${reason} ${value}`).join(', ');
  const verb = options.dryRun ? 'would convert' : 'converted';
  const contracts = conversion.contracts.length > 0 ? `${conversion.contracts.length} function(s) and ` : '';
  io.stdout(`\n${verb} ${contracts}${converted} call(s) in ${changedFiles} file(s) of ${files.length}; refused ${refused}${refused > 0 ? ` (${byReason})` : ''}\n`);
  const keptCount = [...kept.values()].reduce((sum, value) => sum + value, 0);
  if (keptCount > 0) {
    const keptByReason = [...kept].sort((a, b) => b[1] - a[1]).map(([reason, value]) => `${reason} ${value}`).join(', ');
    io.stdout(`kept the callback of ${keptCount} function(s) (${keptByReason})\n`);
  }
  return unreadable + unwritable > 0 ? 2 : 0;
}

/** The contract level: each function converted (with its callers) and each one kept, with the place that keeps it. */
function printContracts(conversion: ProgramConversion, io: ConvertIo, count: (reason: string) => void): void {
  if (conversion.contracts.length === 0 && conversion.refusals.length === 0 && conversion.abandoned === undefined) return;
  io.stdout('functions with callback contracts\n');
  for (const contract of conversion.contracts) {
    const callers = contract.callers > 0 ? `, callers updated in ${contract.callers} other file(s)` : '';
    const deferred = contract.deferred.length === 0 ? '' : `; it called back synchronously (line ${contract.deferred.join(', ')}): now a tick later`;
    io.stdout(`  ${shortName(contract.file, io.cwd)}:${contract.line}  converted  ${contract.name}: now async${callers}${deferred}\n`);
  }
  for (const refusal of conversion.refusals) {
    io.stdout(`  ${shortName(refusal.file, io.cwd)}:${refusal.line}  refused    ${refusal.name}: ${refusal.reason} (${refusal.detail})\n`);
    count(refusal.reason);
  }
  if (conversion.abandoned !== undefined) io.stdout(`  the plan was given up (${conversion.abandoned}): only calls converted\n`);
}
function describe(entry: ConversionReportEntry): string {
  const where = `${entry.line}`.padStart(5);
  if (entry.outcome === 'converted') {
    const notes = entry.notes !== undefined && entry.notes.length > 0 ? `: ${entry.notes.join('; ')}` : '';
    return `${where}  converted  ${entry.callee}${notes}`;
  }
  return `${where}  refused    ${entry.callee}: ${entry.reason ?? 'unknown'} (${entry.reasonText ?? 'no reason given'})`;
}
