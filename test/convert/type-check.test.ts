import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { convertFileText } from '../../rules/convert';
import { convertWithTypes } from './convert-with-types';

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

/** Where a `typed-` input is converted: a folder of its own, outside the checked program. */
function typedInput(dir: string, name: string, text: string): string {
  const folder = path.join(dir, 'typed-input', path.parse(name).name);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
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
      const typed = name.startsWith('typed-') ? typedInput(dir, name, text) : undefined;
      const output = typed === undefined ? convertFileText(text, name).text : convertWithTypes(typed, [typed], OPTIONS);
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
