/**
 * A file of the program that another file of its package imports from
 * outside the program (a test requiring `../lib/helper`) is public API: its
 * functions keep their callback contract for that importer, even when the
 * program imports the file too.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertProgramTexts } from '../../rules/convert/convert-program';

const HELPER = [
  "const fs = require('fs');",
  '',
  'function sizeOf(file, cb) {',
  '  fs.stat(file, (err, st) => {',
  '    if (err) return cb(err);',
  '    cb(null, st.size);',
  '  });',
  '}',
  '',
  'module.exports = { sizeOf: sizeOf };',
  '',
].join('\n');

const INDEX = [
  "const helper = require('./lib/helper');",
  '',
  'function describe(file, cb) {',
  '  helper.sizeOf(file, (err, size) => {',
  '    if (err) return cb(err);',
  "    cb(null, file + ': ' + size);",
  '  });',
  '}',
  '',
  'module.exports = { describe: describe };',
  '',
].join('\n');

describe('contract level: files imported from outside the program', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-outside-'));
    fs.mkdirSync(path.join(root, 'lib'));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'outside', main: 'index.js' }));
    fs.writeFileSync(path.join(root, 'lib', 'helper.js'), HELPER);
    fs.writeFileSync(path.join(root, 'index.js'), INDEX);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const convert = (): ReturnType<typeof convertProgramTexts> =>
    convertProgramTexts(new Map([path.join(root, 'index.js'), path.join(root, 'lib', 'helper.js')].map((file) => [file, fs.readFileSync(file, 'utf8')])));

  it('with no other importer, the helper only the program reaches becomes async without an adapter', () => {
    const result = convert();
    const helper = result.texts.get(path.join(root, 'lib', 'helper.js')) ?? '';
    assert.match(helper, /^async function sizeOf\(file\) \{$/m);
    assert.match(helper, /^module\.exports = \{ sizeOf: sizeOf \};$/m);
  });

  it('a test of the package requiring the helper makes it public: its export stays a callback function', () => {
    fs.mkdirSync(path.join(root, 'test'));
    fs.writeFileSync(path.join(root, 'test', 'helper.test.js'), "const { sizeOf } = require('../lib/helper');\nsizeOf(__filename, (err, size) => console.log(err, size));\n");
    const result = convert();
    const helper = result.texts.get(path.join(root, 'lib', 'helper.js')) ?? '';
    assert.match(helper, /callbackify\(sizeOf\)|function sizeOf\(file, cb\)/, helper);
    assert.doesNotMatch(helper, /^module\.exports = \{ sizeOf: sizeOf \};$/m, helper);
  });

  it('files in node_modules and hidden folders are no importers', () => {
    for (const folder of ['node_modules/dep', '.cache']) {
      fs.mkdirSync(path.join(root, folder), { recursive: true });
      fs.writeFileSync(path.join(root, folder, 'uses.js'), "require('../../lib/helper');\nrequire('../lib/helper');\n");
    }
    assert.match(convert().texts.get(path.join(root, 'lib', 'helper.js')) ?? '', /^async function sizeOf\(file\) \{$/m);
  });
});
