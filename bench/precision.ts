/**
 * Precision of every rule on shipped library code, against the hand labels in
 * docs/evaluation/precision/labels*.jsonl (one file per family of corpora):
 *
 *   npm run build && node dist/bench/precision.js [--write-unlabelled FILE]
 *
 * Lints the corpora of corpora.ts (node_modules packages, always present, and
 * repositories pinned to a commit, extracted under /work/corpora or
 * $ASYNC_GUARD_CORPORA) with each rule at its default options, in the
 * syntactic mode with the parsers the CLI uses: JavaScript (.js/.cjs/.mjs)
 * with the JavaScript parser, TypeScript (.ts/.mts/.cts, not .d.ts) with
 * typescript-eslint's parser. A finding matches a
 * label by rule, corpus, file, message id and the trimmed source line (the
 * fingerprint), so labels survive line shifts. Prints precision per rule over
 * the labelled findings, every finding without a label, and every label
 * whose finding disappeared.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import plugin from '../rules/index';
import { guardedTypeScriptParser } from '../rules/parsers/guarded-typescript-parser';
import { javascriptParser, SYNTACTIC_PARSER_OPTIONS } from '../rules/parsers/javascript-parser';
import { CORPORA, corpusRoot } from './precision-corpora';
import type { PrecisionCorpus } from './precision-corpus';

const REPO = path.join(__dirname, '..', '..');
const LABELS_DIR = path.join(REPO, 'docs', 'evaluation', 'precision');

/** labels.jsonl and every labels-<family>.jsonl beside it. */
function labelFiles(): string[] {
  if (!fs.existsSync(LABELS_DIR)) return [];
  return fs
    .readdirSync(LABELS_DIR)
    .filter((name) => /^labels(?:-[\w-]+)?\.jsonl$/.test(name))
    .sort()
    .map((name) => path.join(LABELS_DIR, name));
}
const MAX_FILE_BYTES = 400_000;
const MAX_LINE_LENGTH = 1_000;
/** Shipped code only: tests, examples, benchmarks and build scripts are left out. */
const NOT_SHIPPED = /(?:^|\/)(?:test|tests|test_\w+|__tests\w*__|__mocks__|spec|examples?|benchmarks?|bench|scripts?|tools|node_modules|docs?|browser-version)\//;
/** Linted sources: JavaScript and TypeScript, not declarations, minified bundles or test files beside the code. */
const SOURCE_FILE = /\.(?:[cm]?js|[cm]?ts)$/;
const NOT_SOURCE = /(?:\.d\.[cm]?ts|\.min\.js|\.(?:test|spec)\.[cm]?[jt]s)$/;

export interface Finding {
  readonly rule: string;
  readonly corpus: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly messageId: string;
  readonly excerpt: string;
}

export interface Label extends Finding {
  readonly verdict: 'tp' | 'fp';
  readonly reason: string;
}

export function fingerprint(finding: Pick<Finding, 'rule' | 'corpus' | 'file' | 'messageId' | 'excerpt'>): string {
  return [finding.rule, finding.corpus, finding.file, finding.messageId, finding.excerpt].join('\u0000');
}

function* sourceFiles(root: string, relative = ''): Generator<string> {
  const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!NOT_SHIPPED.test(`${child}/`) && entry.name !== '.git') yield* sourceFiles(root, child);
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !NOT_SOURCE.test(entry.name)) {
      yield child;
    }
  }
}

/** A rule that threw on a file: it is left out for that file, the other rules' findings there still count. */
export interface RuleCrash {
  readonly rule: string;
  readonly file: string;
  readonly message: string;
}

/** ESLint names the failing rule on a line of its own: `Rule: "async-guard/prefer-async-await"`. */
function crashedRule(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const marker = '\nRule: "';
  const start = message.indexOf(marker);
  if (start === -1) return undefined;
  const end = message.indexOf('"', start + marker.length);
  return end === -1 ? undefined : message.slice(start + marker.length, end);
}

/** `linter.verify`, leaving out each rule that throws (one crash entry each) instead of losing the whole run. */
function verifyContainingCrashes(linter: Linter, text: string, config: Linter.Config[], filename: string, onCrash: (rule: string, message: string) => void): Linter.LintMessage[] {
  const broken = new Set<string>();
  for (;;) {
    try {
      return linter.verify(text, config, { filename, ruleFilter: ({ ruleId }: { ruleId: string }) => !broken.has(ruleId) } as Linter.LintOptions);
    } catch (error) {
      const rule = crashedRule(error);
      if (rule === undefined || broken.has(rule)) throw error;
      broken.add(rule);
      onCrash(rule.replace('async-guard/', ''), (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '');
    }
  }
}

export function lintCorpus(corpus: PrecisionCorpus, root: string, crashes: RuleCrash[] = []): Finding[] {
  const linter = new Linter({ cwd: root });
  const shared = {
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    plugins: { 'async-guard': plugin as never },
    rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`async-guard/${name}`, 'warn'])),
  } satisfies Linter.Config;
  const config: Linter.Config[] = [
    { ...shared, files: ['**/*.{js,mjs,cjs}'], languageOptions: { parser: javascriptParser, sourceType: 'commonjs' } },
    {
      ...shared,
      files: ['**/*.{ts,mts,cts}'],
      languageOptions: { parser: guardedTypeScriptParser, parserOptions: { ...SYNTACTIC_PARSER_OPTIONS } },
    },
  ];
  const findings: Finding[] = [];
  for (const top of corpus.directories) {
    const base = path.join(root, top);
    if (!fs.existsSync(base)) throw new Error(`${corpus.name}: ${base} is missing`);
    for (const relative of sourceFiles(base)) {
      const file = path.posix.join(top, relative);
      const text = fs.readFileSync(path.join(base, relative), 'utf8');
      if (text.length > MAX_FILE_BYTES || text.split('\n').some((line) => line.length > MAX_LINE_LENGTH)) continue;
      const lines = text.split('\n');
      // Linter ignores paths inside node_modules/; the name is only for messages.
      const onCrash = (rule: string, message: string): void => void crashes.push({ rule, file: `${corpus.name}/${file}`, message });
      for (const message of verifyContainingCrashes(linter, text, config, file.replace(/node_modules/g, 'nm'), onCrash)) {
        if (message.ruleId == null || message.fatal === true) continue;
        findings.push({
          rule: message.ruleId.replace('async-guard/', ''),
          corpus: corpus.name,
          file,
          line: message.line,
          column: message.column,
          messageId: message.messageId ?? '',
          excerpt: (lines[message.line - 1] ?? '').trim().slice(0, 120),
        });
      }
    }
  }
  return findings;
}

export function readLabels(files = labelFiles()): Label[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Label),
  );
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`;
}

function main(): void {
  const args = process.argv.slice(2);
  const writeIndex = args.indexOf('--write-unlabelled');
  const unlabelledOut = writeIndex >= 0 ? args[writeIndex + 1] : undefined;
  const findings: Finding[] = [];
  const crashes: RuleCrash[] = [];
  for (const corpus of CORPORA) {
    const root = corpusRoot(corpus, REPO);
    if (root === undefined) {
      process.stdout.write(`corpus ${corpus.name}: not present (${corpus.howToFetch}); its labels are left out\n`);
      continue;
    }
    findings.push(...lintCorpus(corpus, root, crashes));
  }
  const present = new Set(CORPORA.filter((corpus) => corpusRoot(corpus, REPO) !== undefined).map((corpus) => corpus.name));
  const labels = readLabels().filter((label) => present.has(label.corpus));
  const byPrint = new Map<string, Label[]>();
  for (const label of labels) byPrint.set(fingerprint(label), [...(byPrint.get(fingerprint(label)) ?? []), label]);
  const unlabelled: Finding[] = [];
  const matched = new Map<string, number>();
  const verdicts: { finding: Finding; label: Label }[] = [];
  for (const finding of findings) {
    const key = fingerprint(finding);
    const used = matched.get(key) ?? 0;
    const label = byPrint.get(key)?.[used];
    if (label === undefined) unlabelled.push(finding);
    else {
      matched.set(key, used + 1);
      verdicts.push({ finding, label });
    }
  }
  const disappeared = labels.filter((label) => {
    const key = fingerprint(label);
    const index = (byPrint.get(key) ?? []).indexOf(label);
    return index >= (matched.get(key) ?? 0);
  });

  process.stdout.write('\nrule                         findings  labelled   TP   FP  precision\n');
  for (const rule of Object.keys(plugin.rules)) {
    const all = findings.filter((finding) => finding.rule === rule).length;
    const labelled = verdicts.filter((verdict) => verdict.finding.rule === rule);
    const tp = labelled.filter((verdict) => verdict.label.verdict === 'tp').length;
    const fp = labelled.length - tp;
    process.stdout.write(
      `${rule.padEnd(28)} ${String(all).padStart(8)} ${String(labelled.length).padStart(9)} ${String(tp).padStart(4)} ${String(fp).padStart(4)}  ${percent(tp, labelled.length)}\n`,
    );
  }
  process.stdout.write(`\nfindings without a label: ${unlabelled.length}\n`);
  for (const finding of unlabelled) {
    process.stdout.write(`  new  ${finding.rule} ${finding.corpus}/${finding.file}:${finding.line}:${finding.column} ${finding.messageId}  ${finding.excerpt}\n`);
  }
  process.stdout.write(`labelled findings that disappeared: ${disappeared.length}\n`);
  for (const label of disappeared) {
    process.stdout.write(`  gone ${label.verdict.toUpperCase()} ${label.rule} ${label.corpus}/${label.file}:${label.line} ${label.messageId}  ${label.excerpt}\n`);
  }
  // A crash leaves that rule's findings on that file out: its precision above is over what remains.
  process.stdout.write(`rule crashes (the rule left out for that file): ${crashes.length}\n`);
  for (const crash of crashes) process.stdout.write(`  crash ${crash.rule} ${crash.file}: ${crash.message}\n`);
  if (unlabelledOut !== undefined) fs.writeFileSync(unlabelledOut, unlabelled.map((finding) => JSON.stringify(finding)).join('\n') + '\n');
}

if (require.main === module) main();
