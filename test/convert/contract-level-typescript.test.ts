/**
 * The contract level on TypeScript, in both modes: `async-guard --convert`
 * with and without `--type-aware` gives the same output, which type-checks
 * (strict) and, compiled, prints what the original prints.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as ts from 'typescript';
import { runNode } from './run-programs';

const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'async-guard.js');
const INPUTS = path.join(ROOT, 'test', 'convert', 'contract-typescript');

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

/** A folder with the program and a tsconfig.json, converted in place by the CLI. */
function convertCopy(name: string, dir: string, flags: readonly string[]): string {
  const folder = path.join(dir, flags.join('') || 'syntactic', path.parse(name).name);
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(path.join(INPUTS, name), path.join(folder, name));
  const compilerOptions = { strict: true, target: 'es2022', module: 'commonjs', types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')] };
  fs.writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [name] }));
  execFileSync(process.execPath, [BIN, '--convert', ...flags, name], { cwd: folder, env: { ...process.env, NODE_OPTIONS: '' } });
  return fs.readFileSync(path.join(folder, name), 'utf8');
}

function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], OPTIONS);
  const source = program.getSourceFile(file);
  if (source === undefined) return [`${file} not in the program`];
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

async function run(text: string, file: string): Promise<string> {
  const js = ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true } }).outputText;
  const out = file.replace(/\.ts$/, '.js');
  fs.writeFileSync(out, js);
  const result = await runNode(out, path.dirname(out));
  return `${result.code} ${result.stdout}`;
}

describe('contract level on TypeScript, with and without types', function () {
  this.timeout(300_000);
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-contract-ts-'));
  });
  after(() => {
    if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const name of ['profile.ts', 'class-repo.ts', 'exists-check.ts']) {
    it(`${name}: converted the same in both modes, type-checks, runs the same`, async () => {
      const original = fs.readFileSync(path.join(INPUTS, name), 'utf8');
      const syntactic = convertCopy(name, dir, []);
      const typed = convertCopy(name, dir, ['--type-aware']);
      assert.equal(typed, syntactic, 'both modes write the same');
      assert.doesNotMatch(syntactic, /\bcb\b|=> \{\n\s*if \(err/, `no callback left:\n${syntactic}`);
      const written = path.join(dir, 'check', name);
      fs.mkdirSync(path.dirname(written), { recursive: true });
      fs.writeFileSync(written, syntactic);
      assert.deepEqual(typeErrors(written), [], `the output type-checks:\n${syntactic}`);
      const before = await run(original, path.join(dir, 'check', `original-${name}`));
      const after = await run(syntactic, path.join(dir, 'check', `converted-${name}`));
      assert.equal(after, before);
      assert.match(before, /^0 /);
    });
  }

  it('exists-check.ts: `fs.exists` is awaited as a `Promise<boolean>`', () => {
    const text = convertCopy('exists-check.ts', path.join(dir, 'types'), []);
    assert.match(text, /async function present\(file: string\): Promise<boolean \| undefined> \{\n  const found = await new Promise<boolean>\(\(resolve\) => fs\.exists\(file, resolve\)\);\n  if \(!found\) return found;/);
  });

  it('profile.ts: the callback types become the promise types', () => {
    const text = convertCopy('profile.ts', path.join(dir, 'types'), []);
    assert.match(text, /async function getUser\(id: number\): Promise<User \| undefined> \{\n  await setImmediateAsync\(\);\n  if \(id < 0\) throw new Error\('bad id'\);/);
    assert.match(text, /async function loadName\(id: number\): Promise<string \| undefined> \{\n  const user = await getUser\(id\);/);
    assert.match(text, /\nasync function main\(\) \{\n  const name = await loadName\(1\);\n  console\.log\(name\);\n\}\n\nmain\(\);\n$/);
  });
});
