/**
 * Compares max-callback-depth with ESLint's core max-nested-callbacks (same
 * `max`) on the JavaScript under node_modules/, and rewrites the generated
 * block of docs/evaluation/max-callback-depth.md.
 *
 *   npm run build && node dist/bench/compare-max-callback-depth.js [--max 3] [--no-write] [--list REASON]
 *
 * `--list REASON` prints every peer-only difference with that reason (`sync+test`, `none`, …).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import plugin from '../rules/index';
import { findCallbackSite, levelLabel, type InlineFunction } from '../rules/callback-depth/callback-site';
import { classifyCallback, type CallbackKind } from '../rules/callback-depth/classify-callback';

const ROOT = path.join(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'node_modules');
const DOC = path.join(ROOT, 'docs', 'evaluation', 'max-callback-depth.md');
const MAX_FILE_BYTES = 1_000_000;
const SAMPLE_SIZE = 20;
const OURS = 'async-guard/max-callback-depth';
const PEER = 'max-nested-callbacks';

interface FileResult {
  readonly file: string;
  readonly peerReports: number;
  readonly ourReports: number;
  readonly differences: Difference[];
  readonly agreements: number;
  /** Our reports, with the chain the peer would see, for the note. */
  readonly ours: Difference[];
}

interface Difference {
  readonly kind: 'peer-only' | 'ours-only' | 'ours';
  readonly file: string;
  readonly line: number;
  /** Every call-argument function from the outside in, as the peer counts them, with how we count each. */
  readonly chain: string;
  /** Non-counted level kinds that explain a peer-only pyramid (`sync`, `test`, …). */
  readonly reason: string;
  readonly head: string;
}

function main(): void {
  const args = process.argv.slice(2);
  const maxIndex = args.indexOf('--max');
  const max = maxIndex >= 0 ? Number(args[maxIndex + 1]) : 3;
  const write = !args.includes('--no-write');
  const listIndex = args.indexOf('--list');
  const listReason = listIndex >= 0 ? args[listIndex + 1] : undefined;
  const files = listJavaScript(CORPUS);
  const linter = new Linter({ configType: 'flat' });
  const results: FileResult[] = [];
  let skippedLarge = 0;
  let parseFailures = 0;
  const started = Date.now();
  for (const file of files) {
    const stat = fs.statSync(file);
    if (stat.size > MAX_FILE_BYTES) {
      skippedLarge++;
      continue;
    }
    const result = lintFile(linter, file, fs.readFileSync(file, 'utf8'), max);
    if (result === undefined) parseFailures++;
    else results.push(result);
  }
  const seconds = (Date.now() - started) / 1000;
  const differences = results.flatMap((result) => result.differences);
  const summary = {
    max,
    filesFound: files.length,
    filesLinted: results.length,
    skippedOver1MB: skippedLarge,
    parseFailures,
    seconds,
    peerReports: sum(results, (r) => r.peerReports),
    filesWithPeerReports: results.filter((r) => r.peerReports > 0).length,
    ourReports: sum(results, (r) => r.ourReports),
    filesWithOurReports: results.filter((r) => r.ourReports > 0).length,
    pyramidsBoth: sum(results, (r) => r.agreements),
    pyramidsPeerOnly: differences.filter((d) => d.kind === 'peer-only').length,
    reportsOursOnly: differences.filter((d) => d.kind === 'ours-only').length,
    peerOnlyReasons: tally(differences.filter((d) => d.kind === 'peer-only').map((d) => d.reason)),
  };
  const sample = pickSample(differences);
  const ours = results.flatMap((result) => result.ours);
  console.log(JSON.stringify(summary, null, 2));
  for (const report of ours) console.log(`ours ${report.file}:${report.line}\n   ${report.chain}\n   ${report.head}`);
  for (const [index, difference] of sample.entries()) {
    console.log(`#${index + 1} ${difference.kind} ${difference.file}:${difference.line}\n   ${difference.chain}\n   ${difference.head}`);
  }
  for (const difference of differences.filter((d) => d.kind === 'peer-only' && d.reason === listReason)) {
    console.log(`${difference.reason} ${difference.file}:${difference.line}\n   ${difference.chain}\n   ${difference.head}`);
  }
  if (write) writeDoc(summary, sample, ours);
}

function lintFile(linter: Linter, file: string, code: string, max: number): FileResult | undefined {
  const sourceTypes: Linter.SourceType[] = file.endsWith('.mjs') ? ['module'] : file.endsWith('.cjs') ? ['commonjs'] : ['commonjs', 'module'];
  for (const sourceType of sourceTypes) {
    const config: Linter.Config[] = [
      {
        files: ['**/*'],
        languageOptions: { ecmaVersion: 'latest', sourceType },
        plugins: { 'async-guard': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
        rules: { [PEER]: ['warn', { max }], [OURS]: ['warn', { max }] },
      },
    ];
    // Linter ignores paths under node_modules/ and outside the cwd: lint under a neutral name.
    const messages = linter.verify(code, config, { filename: `corpus${path.extname(file)}` });
    if (messages.some((message) => message.fatal === true)) continue;
    return compare(file, messages, linter.getSourceCode() as unknown as TSESLint.SourceCode);
  }
  return undefined;
}

function compare(file: string, messages: Linter.LintMessage[], sourceCode: TSESLint.SourceCode): FileResult {
  const functions = collectInlineFunctions(sourceCode.ast);
  const at = (message: Linter.LintMessage): InlineFunction | undefined =>
    innermostFunctionAt(functions, sourceCode.getIndexFromLoc({ line: message.line, column: message.column - 1 }));
  const peer = new Set(messages.filter((m) => m.ruleId === PEER).map(at).filter(isDefined));
  const ours = messages.filter((m) => m.ruleId === OURS).map(at).filter(isDefined);
  const peerRoots = [...peer].filter((fn) => !ancestors(fn).some((outer) => peer.has(outer)));
  // Roots handed to the same call (`.then(onDone, onFail)`) are one pyramid, as in our rule.
  const peerPyramids = new Map<TSESTree.Node, InlineFunction[]>();
  for (const root of peerRoots) {
    const key = findCallbackSite(root)?.call ?? root;
    peerPyramids.set(key, [...(peerPyramids.get(key) ?? []), root]);
  }
  const relative = path.relative(CORPUS, file);
  const differences: Difference[] = [];
  let agreements = 0;
  for (const roots of peerPyramids.values()) {
    if (ours.some((fn) => roots.some((root) => sameNest(fn, root)))) {
      agreements++;
      continue;
    }
    const first = roots[0];
    if (first !== undefined) differences.push(describe('peer-only', relative, first, sourceCode));
  }
  for (const fn of ours) {
    if (!peerRoots.some((root) => sameNest(fn, root))) {
      differences.push(describe('ours-only', relative, fn, sourceCode));
    }
  }
  return {
    file: relative,
    peerReports: messages.filter((m) => m.ruleId === PEER).length,
    ourReports: ours.length,
    differences,
    agreements,
    ours: ours.map((fn) => describe('ours', relative, fn, sourceCode)),
  };
}

/** One inside the other: both rules flag the same nest (ours may sit above the peer's root when it counts `new Promise`). */
function sameNest(a: InlineFunction, b: InlineFunction): boolean {
  return a === b || ancestors(a).includes(b) || ancestors(b).includes(a);
}

function describe(kind: Difference['kind'], file: string, fn: InlineFunction, sourceCode: TSESLint.SourceCode): Difference {
  const levels = [fn, ...ancestors(fn)].reverse().flatMap((level) => {
    const site = findCallbackSite(level);
    if (site === undefined) return [];
    const counted: CallbackKind = classifyCallback(level, site, { sourceCode, services: undefined, ignore: new Set() });
    return [{ label: levelLabel(site), counted, peerCounts: site.call.type === AST_NODE_TYPES.CallExpression && site.argument === level }];
  });
  const chain = levels.map((level) => `${level.label}[${level.counted}${level.peerCounts ? '' : ', not by peer'}]`).join(' → ');
  const notCounted = [...new Set(levels.filter((level) => level.counted !== 'async').map((level) => level.counted))].sort();
  const headLine = sourceCode.lines[fn.loc.start.line - 1] ?? '';
  return {
    kind,
    file,
    line: fn.loc.start.line,
    chain,
    reason: notCounted.length === 0 ? 'none' : notCounted.join('+'),
    head: headLine.trim().slice(0, 140),
  };
}

/** Every inline function, with `parent` set the way ESLint sets it. */
function collectInlineFunctions(ast: TSESTree.Program): InlineFunction[] {
  const found: InlineFunction[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) found.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      const children: unknown[] = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (isNode(child)) visit(child);
      }
    }
  };
  visit(ast);
  return found;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && 'range' in value;
}

function innermostFunctionAt(functions: InlineFunction[], index: number): InlineFunction | undefined {
  let best: InlineFunction | undefined;
  for (const fn of functions) {
    if (fn.range[0] <= index && index < fn.range[1] && (best === undefined || fn.range[0] >= best.range[0])) best = fn;
  }
  return best;
}

function ancestors(fn: InlineFunction): InlineFunction[] {
  const outer: InlineFunction[] = [];
  for (let node: TSESTree.Node | undefined = fn.parent; node != null; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) outer.push(node);
  }
  return outer;
}

/**
 * Up to four ours-only differences taken in turn from each file, then
 * peer-only ones taken in turn from each package, so that one package's
 * test suite does not fill the sample.
 */
function pickSample(differences: Difference[]): Difference[] {
  const byPlace = (a: Difference, b: Difference): number => a.file.localeCompare(b.file) || a.line - b.line;
  const oursOnly = differences.filter((d) => d.kind === 'ours-only').sort(byPlace);
  const peerOnly = differences.filter((d) => d.kind === 'peer-only').sort(byPlace);
  const fromOurs = inTurn(oursOnly, (d) => d.file, Math.min(4, oursOnly.length));
  return [...fromOurs, ...inTurn(peerOnly, (d) => packageOf(d.file), SAMPLE_SIZE - fromOurs.length)];
}

/** Up to `count` items, the first of each group, then the second of each, … */
function inTurn<T>(items: T[], group: (item: T) => string, count: number): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(group(item), [...(groups.get(group(item)) ?? []), item]);
  const picked: T[] = [];
  for (let round = 0; picked.length < count && picked.length < items.length; round++) {
    for (const list of groups.values()) {
      const next = list[round];
      if (next !== undefined && picked.length < count) picked.push(next);
    }
  }
  return picked;
}

function packageOf(file: string): string {
  const parts = file.split(path.sep);
  return (parts[0]?.startsWith('@') === true ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

function writeDoc(summary: Record<string, unknown>, sample: Difference[], ours: Difference[]): void {
  const start = '<!-- generated by bench/compare-max-callback-depth.ts: start -->';
  const end = '<!-- generated by bench/compare-max-callback-depth.ts: end -->';
  const block = [
    start,
    '```json',
    JSON.stringify(summary, null, 2),
    '```',
    '',
    `Our reports (${Math.min(12, ours.length)} of ${ours.length}, taken in turn from each file):`,
    '',
    '| where | chain as the peer counts it, `[how we count each level]` |',
    '| --- | --- |',
    ...inTurn(ours, (d) => d.file, 12).map((d) => `| \`${d.file}:${d.line}\` | ${d.chain.replace(/\|/g, '\\|')} |`),
    '',
    'Sample of differences:',
    '',
    '| # | kind | where | chain as the peer counts it, `[how we count each level]` |',
    '| --- | --- | --- | --- |',
    ...sample.map((d, i) => `| ${i + 1} | ${d.kind} | \`${d.file}:${d.line}\` | ${d.chain.replace(/\|/g, '\\|')} |`),
    end,
  ].join('\n');
  const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : `${start}\n${end}\n`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current}\n${block}\n`;
  fs.writeFileSync(DOC, next);
}

function listJavaScript(directory: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.bin' && entry.name !== '.cache') files.push(...listJavaScript(full));
    } else if (entry.isFile() && /\.(js|cjs|mjs)$/.test(entry.name) && !entry.name.endsWith('.min.js')) {
      files.push(full);
    }
  }
  return files.sort();
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

main();
