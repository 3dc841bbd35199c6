/**
 * Real-code evaluation of no-unchecked-callback-error against ESLint's
 * name-only `handle-callback-err`, over the JavaScript installed under
 * node_modules/. Prints counts and writes every hit, with its source line,
 * to the JSON file given as the first argument.
 *
 *   npm run build && node dist/bench/evaluate-callback-error.js /tmp/callback-error-hits.json
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import plugin from '../rules/index';

const ROOT = path.join(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'node_modules');
/** Bundles and generated parsers are not code anyone maintains by hand. */
const MAX_FILE_BYTES = 400_000;
const MAX_LINE_LENGTH = 1_000;
/** Tests and examples are reported apart: an unchecked error there fails a test, it does not lose data. */
const TEST_PATH = /(?:^|\/)(?:test|tests|__tests__|spec|examples?)\//;

interface Hit {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly messageId: string;
  readonly message: string;
  readonly source: string;
}

function* javaScriptFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.bin') continue;
      yield* javaScriptFiles(full);
    } else if (entry.isFile() && /\.(?:c|m)?js$/.test(entry.name) && !/\.min\.(?:c|m)?js$/.test(entry.name)) {
      yield full;
    }
  }
}

function configFor(file: string, sourceType: 'module' | 'commonjs' | 'script'): Linter.Config[] {
  return [
    {
      files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
      languageOptions: { ecmaVersion: 'latest', sourceType },
      plugins: { 'async-guard': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: {
        'async-guard/no-unchecked-callback-error': 'warn' as const,
        'handle-callback-err': 'warn' as const,
      },
    },
  ].map((config) => ({ ...config, name: path.basename(file) }));
}

function lint(linter: Linter, file: string, text: string): Linter.LintMessage[] | undefined {
  const preferred: ('module' | 'commonjs' | 'script')[] = file.endsWith('.mjs') ? ['module'] : ['commonjs', 'module', 'script'];
  for (const sourceType of preferred) {
    const messages = linter.verify(text, configFor(file, sourceType), { filename: path.basename(file).replace(/\.cjs$/, '.js') });
    if (!messages.some((message) => message.fatal === true)) return messages;
  }
  return undefined;
}

function main(): void {
  const output = process.argv[2];
  const linter = new Linter({ configType: 'flat' });
  const hits: Hit[] = [];
  let files = 0;
  let skipped = 0;
  let unparsable = 0;
  let lines = 0;
  const started = process.hrtime.bigint();
  for (const file of javaScriptFiles(CORPUS)) {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      skipped += 1;
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    // Minified bundles: one-letter names are the minifier's, not an author's.
    if (text.split('\n').some((line) => line.length > MAX_LINE_LENGTH)) {
      skipped += 1;
      continue;
    }
    const messages = lint(linter, file, text);
    if (messages === undefined) {
      unparsable += 1;
      continue;
    }
    files += 1;
    const sourceLines = text.split('\n');
    lines += sourceLines.length;
    for (const message of messages) {
      if (message.ruleId == null) continue;
      hits.push({
        file: path.relative(CORPUS, file),
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        messageId: message.messageId ?? '',
        message: message.message,
        source: (sourceLines[message.line - 1] ?? '').trim().slice(0, 160),
      });
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ours = hits.filter((hit) => hit.rule === 'async-guard/no-unchecked-callback-error');
  const theirs = hits.filter((hit) => hit.rule === 'handle-callback-err');
  const theirLines = new Set(theirs.map((hit) => `${hit.file}:${hit.line}`));
  const onlyOurs = ours.filter((hit) => !theirLines.has(`${hit.file}:${hit.line}`));
  const ourLines = new Set(ours.map((hit) => `${hit.file}:${hit.line}`));
  const onlyTheirs = theirs.filter((hit) => !ourLines.has(`${hit.file}:${hit.line}`));
  const isTestCode = (hit: Hit): boolean => TEST_PATH.test(hit.file);
  const byMessage = new Map<string, number>();
  for (const hit of ours) byMessage.set(hit.messageId, (byMessage.get(hit.messageId) ?? 0) + 1);
  const byPackage = new Map<string, number>();
  for (const hit of ours) {
    const parts = hit.file.split(path.sep);
    const name = parts[0]?.startsWith('@') === true ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? '');
    byPackage.set(name, (byPackage.get(name) ?? 0) + 1);
  }
  const summary = {
    files,
    lines,
    skippedLargeOrMinified: skipped,
    unparsable,
    seconds: Math.round(seconds * 10) / 10,
    ours: ours.length,
    oursInShippedCode: ours.filter((hit) => !isTestCode(hit)).length,
    oursInTestsAndExamples: ours.filter(isTestCode).length,
    oursByMessage: Object.fromEntries([...byMessage].sort()),
    oursByPackage: Object.fromEntries([...byPackage].sort((a, b) => b[1] - a[1])),
    handleCallbackErr: theirs.length,
    handleCallbackErrInShippedCode: theirs.filter((hit) => !isTestCode(hit)).length,
    onlyOurs: onlyOurs.length,
    onlyOursInShippedCode: onlyOurs.filter((hit) => !isTestCode(hit)).length,
    onlyHandleCallbackErr: onlyTheirs.length,
  };
  console.log(JSON.stringify(summary, null, 2));
  if (output !== undefined) {
    fs.writeFileSync(output, `${JSON.stringify({ summary, ours, onlyOurs, onlyHandleCallbackErr: onlyTheirs }, null, 2)}\n`);
  }
}

main();
