import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertFileText } from '../../rules/convert';

// `.then(fn)` of a relative import: converted only when the module on disk exports `fn` as a function it never reassigns.
describe('chains: .then(importedFunction) on disk', () => {
  let dir = '';
  const main = "import { fn } from './module';\nexport function f() {\n  return Promise.resolve(0).then(fn);\n}\n";

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-imported-handler-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function convert(moduleText: string | undefined): string {
    const file = path.join(dir, 'main.ts');
    fs.writeFileSync(file, main);
    if (moduleText !== undefined) fs.writeFileSync(path.join(dir, 'module.ts'), moduleText);
    return convertFileText(main, file).text;
  }

  it('converts when the module exports a function declaration', () => {
    assert.equal(convert('export function fn(n: number) {\n  return n + 1;\n}\n'), "import { fn } from './module';\nexport async function f() {\n  return fn(await Promise.resolve(0));\n}\n");
  });

  it('converts when the module exports a const arrow function under another name', () => {
    assert.notEqual(convert('const inner = (n: number) => n + 1;\nexport { inner as fn };\n'), main);
  });

  it('refuses when the export is not a function, is reassigned, or the module is missing', () => {
    assert.equal(convert('export const fn = 1;\n'), main);
    assert.equal(convert('export let fn = (n: number) => n;\nfn = (n: number) => n * 2;\n'), main);
    assert.equal(convert('export function fn(n: number) {\n  return n;\n}\nexport function reset() {\n  fn = undefined as never;\n}\n'), main);
    assert.equal(convert(undefined), main);
  });

  it('refuses for text converted in memory (no path on disk)', () => {
    fs.writeFileSync(path.join(dir, 'module.ts'), 'export function fn(n: number) {\n  return n;\n}\n');
    assert.equal(convertFileText(main, 'not-on-disk.ts').text, main);
  });
});
