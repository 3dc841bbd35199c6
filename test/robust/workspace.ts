import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FuzzCase } from './fuzz-cases';
import type { Job } from './worker-pool';
import { PROBLEM_KEYS, totals, type FileReport } from './harness';

/** A tsconfig.json for generated files: JS included, decorators and JSX allowed, Node's types. */
export function writeTsconfig(dir: string): void {
  const typeRoots = path.join(__dirname, '..', '..', '..', 'node_modules', '@types');
  const tsconfig = {
    compilerOptions: { target: 'ES2022', module: 'node16', allowJs: true, checkJs: false, jsx: 'preserve', noEmit: true, skipLibCheck: true, typeRoots: [typeRoots], types: ['node'] },
    include: ['**/*'],
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
}

/** Writes the cases into `dir` (type-aware linting reads the project from disk) and returns their jobs. */
export function writeCases(cases: readonly FuzzCase[], dir: string): Job[] {
  fs.mkdirSync(dir, { recursive: true });
  return cases.map((fuzzCase) => {
    const name = path.join(dir, fuzzCase.name);
    fs.writeFileSync(name, fuzzCase.text);
    return { name, text: fuzzCase.text, mustParse: fuzzCase.mustParse };
  });
}

/** The counts table: one row per run, every problem column must read 0. */
export function formatTotals(rows: readonly [string, readonly FileReport[]][]): string {
  const header = ['run', 'files', 'unparsable inputs', 'findings', 'fixed files', 'suggestions', ...PROBLEM_KEYS];
  const lines = [`| ${header.join(' | ')} |`, `| --- |${' ---: |'.repeat(header.length - 1)}`];
  for (const [label, reports] of rows) {
    const sum = totals(reports);
    lines.push(`| ${[label, sum.files, sum.parseErrors, sum.findings, sum.fixedFiles, sum.suggestions, ...PROBLEM_KEYS.map((key) => sum[key])].join(' | ')} |`);
  }
  return lines.join('\n');
}
