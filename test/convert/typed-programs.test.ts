import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { convertFileText } from '../../rules/convert';
import { convertWithTypes } from './convert-with-types';
import { runNode, stderrShape, withLimit, type RunResult } from './run-programs';

const ROOT = path.join(__dirname, '..', '..', '..');
const PROGRAMS = path.join(ROOT, 'test', 'convert', 'programs');

/** JavaScript programs read with types: JSDoc and `.d.ts` files beside the modules. */
const OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  skipLibCheck: true,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules', '@types')],
};

interface TypedProgram {
  readonly name: string;
  readonly source: string;
  converted?: string;
  original?: RunResult;
  after?: RunResult;
}

/**
 * Programs of several files (a folder under `programs/` with `main.js`)
 * whose callback API lives in a module of their own, typed by JSDoc or a
 * `.d.ts`: `main.js` is converted with types (the rule's suggestions), and
 * both versions must run the same. Without types nothing may change.
 */
describe('conversion with types: multi-file programs run the same before and after', function () {
  this.timeout(120_000);
  const programs: TypedProgram[] = fs
    .readdirSync(PROGRAMS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(PROGRAMS, entry.name, 'main.js')))
    .map((entry) => ({ name: entry.name, source: fs.readFileSync(path.join(PROGRAMS, entry.name, 'main.js'), 'utf8') }));
  let workDir = '';

  before(async function () {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-typed-'));
    for (const program of programs) {
      for (const version of ['original', 'converted']) fs.cpSync(path.join(PROGRAMS, program.name), path.join(workDir, version, program.name), { recursive: true });
      const folder = path.join(workDir, 'converted', program.name);
      const files = fs.readdirSync(folder).filter((name) => /\.(?:js|d\.ts)$/.test(name)).map((name) => path.join(folder, name));
      program.converted = convertWithTypes(path.join(folder, 'main.js'), files, OPTIONS);
    }
    await withLimit(
      programs.flatMap((program) => [
        async () => { program.original = await runNode('main.js', path.join(workDir, 'original', program.name)); },
        async () => { program.after = await runNode('main.js', path.join(workDir, 'converted', program.name)); },
      ]),
      2,
    );
  });

  after(() => {
    if (workDir !== '') fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('has at least 2 programs', () => {
    assert.ok(programs.length >= 2);
  });

  for (const program of programs) {
    it(program.name, () => {
      const converted = program.converted ?? '';
      assert.ok(!/\(err(or)?\b[^)]*\)\s*=>/.test(converted), `no error-first callback is left:\n${converted}`);
      assert.match(converted, /promisify\(/);
      assert.equal(convertFileText(program.source, 'main.js').text, program.source, 'without types nothing is converted');
      const before = program.original as RunResult;
      const after = program.after as RunResult;
      assert.equal(before.code, 0, before.stderr);
      assert.deepEqual(
        { stdout: after.stdout, code: after.code, stderr: stderrShape(after.stderr) },
        { stdout: before.stdout, code: before.code, stderr: stderrShape(before.stderr) },
        `converted program:\n${converted}\nstderr after:\n${after.stderr}`,
      );
    });
  }
});
