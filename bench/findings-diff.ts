import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { allRulesConfig } from './all-rules-config';
import { selectCallbackCorpus } from './callback-corpus';
import { materializeCorpus, selectCorpus, typedSubset } from './corpus';

/**
 * Every finding of every rule, with its fix and suggestions, on both bench
 * corpora in both modes: what a performance change must leave untouched.
 *
 *   node dist/bench/findings-diff.js snapshot /tmp/before.json
 *   node dist/bench/findings-diff.js diff /tmp/before.json /tmp/after.json   # exit 1 on a difference
 */
const PACKAGE_ROOT = path.join(__dirname, '..', '..');
/** Its own copies, so a snapshot can run beside `npm run bench`, which rewrites .bench/corpus. */
const WORK_DIR = path.join(PACKAGE_ROOT, '.bench', 'findings');

interface Edit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface Finding {
  readonly run: string;
  readonly file: string;
  readonly rule: string | null;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  readonly messageId: string | undefined;
  readonly message: string;
  readonly fix: Edit | undefined;
  readonly suggestions: { readonly messageId: string | undefined; readonly desc: string; readonly fix: Edit }[];
}

interface Run {
  readonly name: string;
  readonly typeAware: boolean;
  readonly files: string[];
  readonly cwd: string;
}

function prepareRuns(): Run[] {
  const nodeModules = path.join(PACKAGE_ROOT, 'node_modules');
  const main = selectCorpus(nodeModules);
  const callback = selectCallbackCorpus(nodeModules);
  const runs: Run[] = [];
  const add = (name: string, files: string[], typeAware: boolean): void => {
    const cwd = path.join(WORK_DIR, name.replace(/\W+/g, '-'));
    runs.push({ name, typeAware, cwd, files: materializeCorpus(files, nodeModules, cwd, { tsconfig: typeAware }) });
  };
  add('main syntactic', main.files, false);
  add('main type-aware', typedSubset(main.files), true);
  add('callback syntactic', callback.files, false);
  add('callback type-aware', callback.files, true);
  return runs;
}

function toFinding(run: string, file: string, message: Linter.LintMessage): Finding {
  return {
    run,
    file,
    rule: message.ruleId,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    messageId: message.messageId,
    message: message.message,
    fix: message.fix === undefined ? undefined : { range: message.fix.range, text: message.fix.text },
    suggestions: (message.suggestions ?? []).map((suggestion) => ({
      messageId: suggestion.messageId,
      desc: suggestion.desc,
      fix: { range: suggestion.fix.range, text: suggestion.fix.text },
    })),
  };
}

async function snapshot(output: string): Promise<void> {
  const findings: Finding[] = [];
  for (const run of prepareRuns()) {
    const eslint = new ESLint({
      cwd: run.cwd,
      overrideConfigFile: true,
      overrideConfig: allRulesConfig({ typeAware: run.typeAware, tsconfigRootDir: run.cwd, withRules: true }),
      allowInlineConfig: false,
      errorOnUnmatchedPattern: false,
    });
    const results = await eslint.lintFiles(run.files);
    let count = 0;
    for (const result of results) {
      const file = path.relative(run.cwd, result.filePath).split(path.sep).join('/');
      for (const message of result.messages) {
        findings.push(toFinding(run.name, file, message));
        count++;
      }
    }
    process.stderr.write(`findings-diff: ${run.name}: ${results.length} files, ${count} messages\n`);
  }
  findings.sort((a, b) => compare(key(a), key(b)));
  fs.writeFileSync(output, `${JSON.stringify(findings, null, 1)}\n`);
  process.stderr.write(`findings-diff: ${findings.length} messages written to ${output}\n`);
}

function key(finding: Finding): string {
  return [finding.run, finding.file, String(finding.line).padStart(7), String(finding.column).padStart(5), finding.rule ?? '', finding.messageId ?? '', finding.message].join('\u0000');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(finding: Finding): string {
  return `${finding.run}: ${finding.file}:${finding.line}:${finding.column} ${finding.rule ?? '(parser)'} ${finding.messageId ?? ''} ${JSON.stringify(finding.message)}`;
}

/** Prints every lost, new or changed finding; true when there is none. */
export function diffFindings(before: readonly Finding[], after: readonly Finding[], write: (line: string) => void): boolean {
  const group = (list: readonly Finding[]): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const finding of list) {
      const serialized = JSON.stringify(finding);
      const entries = map.get(key(finding));
      if (entries === undefined) map.set(key(finding), [serialized]);
      else entries.push(serialized);
    }
    return map;
  };
  const a = group(before);
  const b = group(after);
  let differences = 0;
  for (const [id, entries] of a) {
    const others = b.get(id) ?? [];
    const first = JSON.parse(entries[0] as string) as Finding;
    if (others.length === 0) {
      write(`lost:    ${describe(first)}`);
      differences += entries.length;
      continue;
    }
    const missing = entries.filter((entry) => !others.includes(entry));
    const added = others.filter((entry) => !entries.includes(entry));
    if (missing.length > 0 || added.length > 0 || entries.length !== others.length) {
      write(`changed: ${describe(first)}`);
      for (const entry of missing) write(`  - ${entry}`);
      for (const entry of added) write(`  + ${entry}`);
      if (missing.length === 0 && added.length === 0) write(`  count ${entries.length} -> ${others.length}`);
      differences++;
    }
  }
  for (const [id, entries] of b) {
    if (a.has(id)) continue;
    write(`new:     ${describe(JSON.parse(entries[0] as string) as Finding)}`);
    differences += entries.length;
  }
  write(`findings-diff: ${before.length} before, ${after.length} after, ${differences} difference(s)`);
  return differences === 0;
}

async function main(): Promise<void> {
  const [command, first, second] = process.argv.slice(2);
  if (command === 'snapshot' && first !== undefined) {
    await snapshot(path.resolve(first));
  } else if (command === 'diff' && first !== undefined && second !== undefined) {
    const read = (file: string): Finding[] => JSON.parse(fs.readFileSync(file, 'utf8')) as Finding[];
    const same = diffFindings(read(first), read(second), (line) => process.stdout.write(`${line}\n`));
    process.exitCode = same ? 0 : 1;
  } else {
    process.stderr.write('usage: findings-diff.js snapshot <file.json> | diff <before.json> <after.json>\n');
    process.exitCode = 2;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
}
