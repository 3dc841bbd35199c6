/**
 * The real-code evaluation of no-floating-promise (docs/evaluation/no-floating-promise.md):
 * lints the TypeScript sources of bench/no-floating-promise.tsconfig.json (the
 * `.ts` shipped under node_modules/) in each mode, each in a fresh process so
 * that the times do not share a warmed-up checker, and compares the hits.
 *
 *   npm run build && node dist/bench/evaluate-no-floating-promise.js [--list] [--json=out.json]
 *   node dist/bench/evaluate-no-floating-promise.js --mode=type-aware   # one mode, JSON on stdout
 *
 * Modes: `parse` (the parse-only floor), `syntactic` (our rule without
 * types), `parse-typed` (parsing with the TypeScript program), `type-aware`
 * (our rule with the program), `typescript-eslint` (its no-floating-promises
 * on the same program, for comparison), `type-aware-warm` / `typescript-eslint-warm`
 * (the same, timed on a second pass after the other rule has already made the
 * checker compute the types: the rule's own cost), and `syntactic-js` (our rule without
 * types on the JavaScript under node_modules/, files up to 512 KiB, minified
 * files left out).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import * as ts from 'typescript';
import plugin from '../rules/index';

const ROOT = path.resolve(__dirname, '..', '..');
const TSCONFIG = path.join(ROOT, 'bench', 'no-floating-promise.tsconfig.json');
const MODES = [
  'parse',
  'syntactic',
  'parse-typed',
  'type-aware',
  'typescript-eslint',
  'type-aware-warm',
  'typescript-eslint-warm',
  'syntactic-js',
] as const;
const MAX_FILE_BYTES = 512 * 1024;
type Mode = (typeof MODES)[number];

interface Hit {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly messageId: string;
  readonly source: string;
  /** typescript-eslint hits only: the reported statement is a call whose last argument is a function literal. */
  readonly passesCallback?: boolean;
}

interface ModeResult {
  readonly mode: Mode;
  readonly files: number;
  readonly milliseconds: number;
  /** ESLint's own measurement (`stats`): time in the parser, and in the rule's listeners. */
  readonly parseMilliseconds: number;
  readonly ruleMilliseconds: number;
  readonly parseErrors: number;
  readonly hits: Hit[];
}

/** The non-declaration files of the corpus program, as the tsconfig defines them. */
export function corpusFiles(): string[] {
  const config = ts.readConfigFile(TSCONFIG, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(TSCONFIG));
  return parsed.fileNames.filter((file) => !/\.d\.[cm]?ts$/.test(file)).sort();
}

/** Every JavaScript file under node_modules/ that a person could have written (not minified, not huge). */
export function javaScriptFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.[cm]?js$/.test(entry.name) && !entry.name.endsWith('.min.js') && fs.statSync(full).size <= MAX_FILE_BYTES) {
        files.push(full);
      }
    }
  };
  walk(path.join(ROOT, 'node_modules'));
  return files;
}

function runMode(mode: Mode): ModeResult {
  const files = mode === 'syntactic-js' ? javaScriptFiles() : corpusFiles();
  const typed = mode !== 'parse' && mode !== 'syntactic' && mode !== 'syntactic-js';
  let currentFile = '';
  // ESLint's Linter skips paths inside node_modules/, which is the corpus here: the
  // linted name avoids that folder, and the parser is told the real path (the program's).
  const parser = {
    meta: { name: 'corpus-parser' },
    parseForESLint: (code: string, options: Record<string, unknown>) =>
      tsParser.parseForESLint(code, {
        ...options,
        filePath: currentFile,
        ...(typed ? { project: TSCONFIG, tsconfigRootDir: path.dirname(TSCONFIG) } : {}),
      }),
  };
  const ours: Linter.RulesRecord = { 'async-guard/no-floating-promise': 'warn' };
  const theirs: Linter.RulesRecord = { '@typescript-eslint/no-floating-promises': 'warn' };
  const rules = mode === 'parse' || mode === 'parse-typed' ? {} : mode.startsWith('typescript-eslint') ? theirs : ours;
  const warmUpRules = mode === 'type-aware-warm' ? theirs : mode === 'typescript-eslint-warm' ? ours : undefined;
  const configWith = (selected: Linter.RulesRecord): Linter.Config[] => [
    {
      files: ['**/*.{ts,mts,cts,js,cjs,mjs}'],
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      plugins: { 'async-guard': plugin as never, '@typescript-eslint': tseslint.plugin },
      languageOptions: { parser },
      rules: selected,
    },
  ];
  const config = configWith(rules);
  const linter = new Linter({ cwd: ROOT });
  const hits: Hit[] = [];
  let parseErrors = 0;
  let parseMilliseconds = 0;
  let ruleMilliseconds = 0;
  if (warmUpRules !== undefined) {
    const warmUp = configWith(warmUpRules);
    for (const file of files) {
      currentFile = file;
      linter.verify(fs.readFileSync(file, 'utf8'), warmUp, path.relative(ROOT, file).replace(/node_modules/g, 'nm'));
    }
  }
  const start = process.hrtime.bigint();
  for (const file of files) {
    currentFile = file;
    const text = fs.readFileSync(file, 'utf8');
    const relative = path.relative(ROOT, file);
    // ESLint collects `stats` (parse and per-rule times) in verifyAndFix; `fix: false` keeps it one pass.
    const options = { filename: relative.replace(/node_modules/g, 'nm'), fix: false, stats: true } as Linter.FixOptions;
    const { messages } = linter.verifyAndFix(text, config, options);
    for (const pass of linter.getTimes().passes) {
      parseMilliseconds += pass.parse?.total ?? 0;
      for (const rule of Object.values(pass.rules ?? {})) ruleMilliseconds += rule.total;
    }
    const lines = text.split('\n');
    for (const message of messages) {
      if (message.fatal === true) {
        parseErrors += 1;
        continue;
      }
      if (message.ruleId == null) continue;
      const hit: Hit = {
        file: relative,
        line: message.line,
        column: message.column,
        messageId: message.messageId ?? message.message,
        source: lines[message.line - 1]?.trim().slice(0, 160) ?? '',
      };
      hits.push(mode.startsWith('typescript-eslint') ? { ...hit, passesCallback: passesCallback(linter, message) } : hit);
    }
  }
  const milliseconds = Number(process.hrtime.bigint() - start) / 1e6;
  return { mode, files: files.length, milliseconds, parseMilliseconds, ruleMilliseconds, parseErrors, hits };
}

function passesCallback(linter: Linter, message: Linter.LintMessage): boolean {
  const ast = linter.getSourceCode().ast;
  let found = false;
  const visit = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;
    if (record.type === 'ExpressionStatement' && record.loc?.start.line === message.line && record.loc.start.column === message.column - 1) {
      let expression = record.expression as {
        type: string;
        expression?: unknown;
        arguments?: { type: string }[];
        callee?: { type: string; property?: { name?: string } };
      };
      if (expression.type === 'ChainExpression') expression = expression.expression as typeof expression;
      // `.then(f)` takes a function too, but that is a promise chain, not the callback form of an API.
      const method = expression.callee?.type === 'MemberExpression' ? expression.callee.property?.name : undefined;
      const isChain = method === 'then' || method === 'catch' || method === 'finally';
      const last = expression.type === 'CallExpression' && !isChain ? expression.arguments?.at(-1) : undefined;
      found = last?.type === 'ArrowFunctionExpression' || last?.type === 'FunctionExpression';
      return;
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  visit(ast);
  return found;
}

/** `mongodb`, `@puppeteer/browsers`: the top-level package a file belongs to. */
function packageOf(hit: Hit): string {
  const parts = hit.file.split('/');
  return parts.slice(1, parts[1]?.startsWith('@') === true ? 3 : 2).join('/');
}

function key(hit: Hit): string {
  return `${hit.file}:${hit.line}:${hit.column}`;
}

function countBy(hits: readonly Hit[], select: (hit: Hit) => string): string {
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(select(hit), (counts.get(select(hit)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${count}`).join(', ');
}

function main(): void {
  const modeArgument = process.argv.find((argument) => argument.startsWith('--mode='))?.slice('--mode='.length);
  if (modeArgument !== undefined) {
    if (!(MODES as readonly string[]).includes(modeArgument)) throw new Error(`unknown mode ${modeArgument}`);
    process.stdout.write(JSON.stringify(runMode(modeArgument as Mode)));
    return;
  }
  const results = new Map<Mode, ModeResult>();
  for (const mode of MODES) {
    const child = spawnSync(process.execPath, [__filename, `--mode=${mode}`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`mode ${mode} failed:\n${child.stderr}`);
    results.set(mode, JSON.parse(child.stdout) as ModeResult);
  }
  const get = (mode: Mode): ModeResult => results.get(mode) as ModeResult;
  const out = process.stdout;
  out.write(`corpus: ${get('parse').files} files of ${path.relative(ROOT, TSCONFIG)}\n\n`);
  out.write('mode               files   wall (ms)   parse (ms)   rule (ms)   parse errors   hits\n');
  for (const mode of MODES) {
    const result = get(mode);
    const columns = [result.files, result.milliseconds, result.parseMilliseconds, result.ruleMilliseconds].map((value, index) =>
      value.toFixed(0).padStart(index === 0 ? 5 : index === 1 ? 9 : 10),
    );
    out.write(`${mode.padEnd(18)} ${columns.join('   ')}   ${String(result.parseErrors).padStart(12)}   ${result.hits.length}\n`);
  }
  const syntactic = get('syntactic').hits;
  const typeAware = get('type-aware').hits;
  const reference = get('typescript-eslint').hits;
  const typeAwareKeys = new Set(typeAware.map(key));
  const syntacticKeys = new Set(syntactic.map(key));
  const ourStatementKeys = new Set(typeAware.map((hit) => `${hit.file}:${hit.line}`));
  out.write(`\nsyntactic by message: ${countBy(syntactic, (hit) => hit.messageId)}\n`);
  out.write(`type-aware by message: ${countBy(typeAware, (hit) => hit.messageId)}\n`);
  out.write(`syntactic hits also found type-aware: ${syntactic.filter((hit) => typeAwareKeys.has(key(hit))).length} of ${syntactic.length}\n`);
  out.write(`type-aware hits not found syntactic: ${typeAware.filter((hit) => !syntacticKeys.has(key(hit))).length}\n`);
  out.write(`typescript-eslint hits: ${reference.length}, of which calls passing a callback: ${reference.filter((hit) => hit.passesCallback === true).length}, on a line we also report: ${reference.filter((hit) => ourStatementKeys.has(`${hit.file}:${hit.line}`)).length}\n`);
  out.write(`by package (type-aware): ${countBy(typeAware, packageOf)}\n`);
  const javaScript = get('syntactic-js');
  out.write(`\nJavaScript (syntactic): ${javaScript.files} files, ${javaScript.parseErrors} parse errors, ${javaScript.hits.length} hits\n`);
  out.write(`  by message: ${countBy(javaScript.hits, (hit) => hit.messageId)}\n`);
  out.write(`  by package: ${countBy(javaScript.hits, packageOf)}\n`);
  if (process.argv.includes('--list')) {
    for (const [title, hits] of [
      ['syntactic', syntactic],
      ['type-aware', typeAware],
      ['typescript-eslint', reference],
      ['syntactic-js', javaScript.hits],
    ] as const) {
      out.write(`\n## ${title}\n`);
      for (const hit of hits) {
        const flag = title === 'typescript-eslint' ? (hit.passesCallback === true ? ' [callback]' : '') : title === 'type-aware' && !syntacticKeys.has(key(hit)) ? ' [types only]' : '';
        out.write(`${key(hit)}\t${hit.messageId}${flag}\n    ${hit.source}\n`);
      }
    }
  }
  const jsonArgument = process.argv.find((argument) => argument.startsWith('--json='));
  if (jsonArgument !== undefined) fs.writeFileSync(jsonArgument.slice('--json='.length), JSON.stringify(Object.fromEntries(results), null, 1));
}

if (require.main === module) main();
