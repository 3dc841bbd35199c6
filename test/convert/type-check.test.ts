import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { convertFileText } from '../../rules/convert';
import { preferAsyncAwait } from '../../rules/prefer-async-await';

const RULE_PLUGIN = { rules: { 'prefer-async-await': preferAsyncAwait } } as unknown as NonNullable<Linter.Config['plugins']>[string];

const ROOT = path.join(__dirname, '..', '..', '..');
const INPUTS = path.join(ROOT, 'test', 'convert', 'typescript');

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  skipLibCheck: true,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules', '@types')],
};

function errorsOf(program: ts.Program, file: string): string[] {
  const source = program.getSourceFile(file);
  if (source === undefined) return [`${file} not in the program`];
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
    (diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  );
}

/**
 * The conversion with types, as the editor offers it: the rule's suggestion,
 * applied one at a time, with a program holding the file.
 */
function convertWithTypes(file: string, text: string): string {
  // ESLint lints only files below its working directory.
  const linter = new Linter({ configType: 'flat', cwd: path.dirname(file) });
  let current = text;
  for (let pass = 0; pass < 10; pass += 1) {
    fs.writeFileSync(file, current);
    const program = ts.createProgram([file], OPTIONS);
    const messages = linter.verify(
      current,
      [
        {
          files: ['**/*.ts'],
          plugins: { 'async-guard': RULE_PLUGIN },
          rules: { 'async-guard/prefer-async-await': 'error' },
          languageOptions: { parser: tsParser, parserOptions: { programs: [program] } },
        },
      ],
      { filename: file },
    );
    const fix = messages.find((message) => message.suggestions !== undefined && message.suggestions.length > 0)?.suggestions?.[0]?.fix;
    if (fix === undefined) break;
    current = current.slice(0, fix.range[0]) + fix.text + current.slice(fix.range[1]);
  }
  return current;
}

/** Where a `typed-` input is converted: a folder of its own, outside the checked program. */
function typedInput(dir: string, name: string): string {
  const folder = path.join(dir, 'typed-input', path.parse(name).name);
  fs.mkdirSync(folder, { recursive: true });
  return path.join(folder, name);
}

describe('conversion of TypeScript: the output type-checks where the input did', function () {
  this.timeout(60_000);
  const names = fs.readdirSync(INPUTS).filter((name) => name.endsWith('.ts')).sort();
  const converted = new Map<string, string>();
  let program: ts.Program | undefined;
  let dir = '';

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-typecheck-'));
    const files: string[] = [];
    for (const name of names) {
      const text = fs.readFileSync(path.join(INPUTS, name), 'utf8');
      const output = name.startsWith('typed-') ? convertWithTypes(typedInput(dir, name), text) : convertFileText(text, name).text;
      converted.set(name, output);
      for (const [folder, content] of [['original', text], ['converted', output]] as const) {
        fs.mkdirSync(path.join(dir, folder, path.parse(name).name), { recursive: true });
        // One folder per file: each is its own module scope.
        const file = path.join(dir, folder, path.parse(name).name, name);
        fs.writeFileSync(file, content);
        files.push(file);
      }
    }
    program = ts.createProgram(files, OPTIONS);
  });

  after(() => {
    if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const name of names) {
    it(name, () => {
      const output = converted.get(name) ?? '';
      assert.ok(!output.includes('(err, ') || !output.includes('=> {'), 'converted');
      const base = path.parse(name).name;
      assert.deepEqual(errorsOf(program as ts.Program, path.join(dir, 'original', base, name)), [], 'the input type-checks');
      assert.deepEqual(errorsOf(program as ts.Program, path.join(dir, 'converted', base, name)), [], `the output type-checks:\n${output}`);
      assert.notEqual(output, fs.readFileSync(path.join(INPUTS, name), 'utf8'));
    });
  }
});
