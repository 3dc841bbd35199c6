/**
 * The contract level (issue 13) through `convertProgramTexts`, text for text:
 * the three programs convert to the expected files in
 * contract-level/ (the same programs run before and after in
 * contract-programs.test.ts), and refusals name the place that breaks the
 * contract.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertProgramTexts, type ProgramConversionOptions } from '../../rules/convert/convert-program';

const ROOT = path.join(__dirname, '..', '..', '..');
const PROGRAMS = path.join(ROOT, 'test', 'convert', 'contract-programs');
const EXPECTED = path.join(ROOT, 'test', 'convert', 'contract-level');

function read(files: readonly string[]): Map<string, string> {
  return new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
}

function convertFiles(files: readonly string[], options: ProgramConversionOptions = {}): ReturnType<typeof convertProgramTexts> {
  return convertProgramTexts(read(files), options);
}

/** A program of one file, written to a name in the contract-programs folder that no file has (nothing is written to disk). */
function convertSource(source: string, options: ProgramConversionOptions = {}): ReturnType<typeof convertProgramTexts> {
  return convertProgramTexts(new Map([[path.join(PROGRAMS, 'inline.js'), source]]), options);
}

/** The refusal of a one-file program's function, as `reason: detail`; nothing converts. */
function refusalOf(source: string, name: string): string {
  const result = convertSource(source);
  const refusal = result.refusals.find((candidate) => candidate.name === name);
  assert.ok(refusal !== undefined, `no refusal for ${name}: ${JSON.stringify(result.refusals)}`);
  assert.equal(result.contracts.length, 0);
  return `${refusal.reason}: ${refusal.detail}`;
}

function expected(name: string): string {
  return fs.readFileSync(path.join(EXPECTED, name), 'utf8');
}

describe('contract level: the issue\'s three programs', () => {
  it('getUser / getPosts / loadProfile in one file become async functions awaited by a main()', () => {
    const file = path.join(PROGRAMS, 'profile.js');
    const result = convertFiles([file]);
    assert.deepEqual(result.contracts.map((contract) => contract.name).sort(), ['getPosts', 'getUser', 'loadProfile']);
    assert.equal(result.texts.get(file), expected('profile.js.expected'));
  });

  it('a class repository: methods become async, this.findById(…) awaited', () => {
    const file = path.join(PROGRAMS, 'user-repo-class.js');
    const result = convertFiles([file]);
    assert.deepEqual(result.contracts.map((contract) => contract.name).sort(), ['findById', 'findByTeam', 'teammatesOf']);
    assert.equal(result.texts.get(file), expected('user-repo-class.js.expected'));
  });

  it('the exported pyramid cleanOldest: flat awaits, and an adapter keeps the public callback contract', () => {
    const clean = path.join(PROGRAMS, 'clean-oldest', 'clean.js');
    const main = path.join(PROGRAMS, 'clean-oldest', 'main.js');
    const result = convertFiles([clean, main]);
    assert.deepEqual(result.contracts.map((contract) => contract.name), ['cleanOldest']);
    assert.equal(result.texts.get(clean), expected('clean-oldest-clean.js.expected'));
    assert.equal(result.texts.get(main), fs.readFileSync(main, 'utf8'), 'the caller reaches the adapter and keeps its callbacks');
  });

  it('with --api promise the export is the async function and the caller script awaits it', () => {
    const clean = path.join(PROGRAMS, 'clean-oldest', 'clean.js');
    const main = path.join(PROGRAMS, 'clean-oldest', 'main.js');
    const result = convertFiles([clean, main], { api: 'promise' });
    assert.match(result.texts.get(clean) ?? '', /\nmodule\.exports = cleanOldest;\n/);
    assert.match(result.texts.get(main) ?? '', /async function main\(\) \{\n  const size = await cleanOldest\(dir\);/);
  });
});

describe('contract level: --api callback and --api dual', () => {
  it('under --api callback the report names why callers in the run keep their callbacks: they reach the public adapter', () => {
    const dir = path.join(PROGRAMS, 'optional-arguments-api');
    const lib = path.join(dir, 'lib.js');
    const main = path.join(dir, 'main.js');
    const result = convertFiles([lib, main]);
    assert.deepEqual(result.contracts.map((contract) => contract.name), ['outputText']);
    const calls = (result.reports.get(main) ?? []).filter((entry) => entry.callee === 'outputText');
    assert.equal(calls.length, 3);
    assert.ok(calls.every((entry) => entry.outcome === 'refused' && entry.reason === 'public-adapter'), JSON.stringify(calls));
    // Under --api promise they await it instead.
    const promise = convertFiles([lib, main], { api: 'promise' });
    assert.ok(!(promise.reports.get(main) ?? []).some((entry) => entry.reason === 'public-adapter'));
  });

  it('the export returns the promise without a callback: callers in the program await it, callers outside keep their callbacks', () => {
    const clean = path.join(PROGRAMS, 'clean-oldest', 'clean.js');
    const main = path.join(PROGRAMS, 'clean-oldest', 'main.js');
    const result = convertFiles([clean, main], { api: 'dual' });
    const converted = result.texts.get(clean) ?? '';
    assert.match(converted, /\nmodule\.exports = function \(dir, done\) \{\n {2}if \(typeof done !== 'function'\) return cleanOldest\.call\(this, dir\);\n {2}return callbackify\(cleanOldest\)\.call\(this, dir, done\);\n\};\n/);
    assert.match(result.texts.get(main) ?? '', /async function main\(\) \{\n {2}const size = await cleanOldest\(dir\);/);
    // Code outside the program, with both forms, against the converted file.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-dual-'));
    try {
      fs.writeFileSync(path.join(folder, 'clean.js'), converted);
      fs.writeFileSync(path.join(folder, 'outside.js'), [
        "const fs = require('fs');",
        "const path = require('path');",
        "const cleanOldest = require('./clean');",
        "const box = path.join(__dirname, 'box');",
        'fs.mkdirSync(box);',
        "fs.writeFileSync(path.join(box, 'a.txt'), 'hi');",
        'let sync = true;',
        'cleanOldest(box, (err, size) => {',
        "  console.log('callback', err, size, 'later:', !sync, 'arity', cleanOldest.length);",
        "  cleanOldest(box).then(() => console.log('resolved'), (error) => console.log('rejects', error.code));",
        '});',
        'sync = false;',
        '',
      ].join('\n'));
      const output = execFileSync(process.execPath, [path.join(folder, 'outside.js')], { encoding: 'utf8' });
      assert.equal(output, 'callback null 2 later: true arity 2\nrejects ENOENT\n');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('contract level: the top level', () => {
  it('an ES module nothing imports awaits at its top level', () => {
    const file = path.join(PROGRAMS, 'esm-contract.mjs');
    const text = convertFiles([file]).texts.get(file) ?? '';
    assert.match(text, /\nasync function readGreeting\(name\) \{\n  const text = await readFile\(path\.join\(dir, name\), 'utf8'\);\n  return text\.trim\(\);\n\}\n\nconst text = await readGreeting\('greeting\.txt'\);\nconsole\.log\(text\);\n$/);
  });

  it('a CommonJS script awaits inside main()', () => {
    const file = path.join(PROGRAMS, 'profile.js');
    assert.match(convertFiles([file]).texts.get(file) ?? '', /\nasync function main\(\) \{\n  const profile = await loadProfile\(1\);[\s\S]*\n\}\n\nmain\(\);\n$/);
  });
});

describe('contract level: loops through a step function', () => {
  it('a step function started inside a callback becomes an async function each level returns', () => {
    const file = path.join(PROGRAMS, 'recursion-walk-tree.js');
    const text = convertFiles([file]).texts.get(file) ?? '';
    assert.ok(text.includes(
      [
        'async function walk(dir) {',
        '  const entries = await readdir(dir, { withFileTypes: true });',
        '  entries.sort((x, y) => x.name.localeCompare(y.name));',
        '  const found = [];',
        '  let i = 0;',
        '  async function next() {',
        '    if (i === entries.length) return found;',
        '    const entry = entries[i++];',
        '    const full = path.join(dir, entry.name);',
        '    if (!entry.isDirectory()) {',
        '      found.push(path.relative(root, full));',
        '      return next();',
        '    }',
        '    const inner = await walk(full);',
        '    found.push(...inner);',
        '    return next();',
        '  }',
        '  return next();',
        '}',
      ].join('\n'),
    ), text);
  });

  it('an immediately called step function (with a counter) in a level', () => {
    const file = path.join(PROGRAMS, 'step-iife-after-mkdir.js');
    const text = convertFiles([file]).texts.get(file) ?? '';
    assert.ok(text.includes(
      [
        'async function writeAll(dir, names) {',
        '  await mkdir(dir, { recursive: true });',
        '  const written = [];',
        '  return (async function step(i) {',
        '    if (i >= names.length) return written;',
        '    await writeFile(path.join(dir, names[i]), String(i));',
        '    written.push(names[i]);',
        '    return step(i + 1);',
        '  })(0);',
        '}',
      ].join('\n'),
    ), text);
  });

  it('a step function started at once that calls back only from its callbacks', () => {
    const file = path.join(PROGRAMS, 'step-copy-each.js');
    const text = convertFiles([file]).texts.get(file) ?? '';
    assert.ok(text.includes(
      [
        'async function copyAll(pairs) {',
        '  let i = 0;',
        '  async function next() {',
        '    await copyFile(pairs[i][0], pairs[i][1]);',
        '    i++;',
        '    if (i === pairs.length) return i;',
        '    return next();',
        '  }',
        '  return next();',
        '}',
      ].join('\n'),
    ), text);
  });

  it('refuses a step function started at once that may call back at once (an empty list)', () => {
    const result = convertFiles([path.join(PROGRAMS, 'loop-write-files.js')]);
    const refusal = result.refusals.find((candidate) => candidate.name === 'writeAll');
    assert.equal(`${refusal?.reason}: ${refusal?.detail}`, 'contract-breach: may call `cb` synchronously at line 12, before anything asynchronous (through a step function started at once)');
  });

  it('refuses a step function handed on as a callback', () => {
    const result = convertFiles([path.join(PROGRAMS, 'loop-sequential-next.js')]);
    const refusal = result.refusals.find((candidate) => candidate.name === 'processAll');
    assert.equal(`${refusal?.reason}: ${refusal?.detail}`, 'contract-breach: passes on `next` at line 19, so it may run from elsewhere');
  });
});

describe('contract level: optional arguments before the callback', () => {
  it('the shuffle goes, the optional parameter takes its fallback as a default, and short calls await', () => {
    const file = path.join(PROGRAMS, 'optional-arguments.js');
    const text = convertFiles([file]).texts.get(file) ?? '';
    assert.ok(text.includes(
      [
        'async function writeText(file, text, encoding = \'utf8\') {',
        '  await writeFile(file, text, encoding);',
        '  return readFile(file, encoding);',
        '}',
        '',
        '// The options may be left out, and so may the callback.',
        'async function countLines(file, options = { skipEmpty: false }) {',
        '  const text = await readFile(file, \'utf8\');',
      ].join('\n'),
    ), text);
    assert.ok(text.includes("  const back = await writeText(path.join(dir, 'a.txt'), 'one\\n\\ntwo');\n"), text);
    assert.ok(text.includes("  const latin = await writeText(path.join(dir, 'b.txt'), 'caf\\u00e9', 'latin1');\n"), text);
    assert.ok(text.includes("  const some = await countLines(path.join(dir, 'a.txt'), { skipEmpty: true });\n"), text);
  });

  it('a public function keeps its optional arguments in the callback adapter', () => {
    const folder = path.join(PROGRAMS, 'optional-arguments-api');
    const lib = path.join(folder, 'lib.js');
    const text = convertFiles([lib, path.join(folder, 'main.js')]).texts.get(lib) ?? '';
    assert.ok(text.endsWith(
      [
        'module.exports = function (file, text, encoding, callback) {',
        '  if (typeof encoding === \'function\') {',
        '    callback = encoding;',
        '    encoding = \'utf8\';',
        '  }',
        '  callback = callback || function () {};',
        '  return callbackify(outputText).call(this, file, text, encoding, callback);',
        '};',
        '',
      ].join('\n'),
    ), text);
    assert.match(text, /async function outputText\(file, text, encoding = 'utf8'\) \{\n  await writeFile\(file, text, encoding\);/);
  });

  it('refuses a short call whose last argument may not be the callback', () => {
    const source = [
      "const fs = require('fs');",
      'function save(file, data, options, cb) {',
      "  if (typeof options === 'function') {",
      '    cb = options;',
      '    options = {};',
      '  }',
      '  fs.writeFile(file, data, options, cb);',
      '}',
      'const report = (err) => console.log(err);',
      "save('/tmp/x', 'y', report);",
      '',
    ].join('\n');
    const result = convertSource(source);
    assert.equal(result.contracts.length, 0);
    assert.match(result.refusals.find((refusal) => refusal.name === 'save')?.detail ?? '', /inline\.js:10 leaves out an optional argument and passes `report` last, which may not be the callback/);
  });

  it('refuses a fallback that is no plain value (it could not be a default parameter)', () => {
    const source = [
      "const fs = require('fs');",
      'const defaults = { flag: \'w\' };',
      'function save(file, data, options, cb) {',
      "  if (typeof options === 'function') {",
      '    cb = options;',
      '    options = defaults;',
      '  }',
      '  fs.writeFile(file, data, options, cb);',
      '}',
      "save('/tmp/x', 'y', (err) => console.log(err));",
      '',
    ].join('\n');
    const result = convertSource(source);
    assert.equal(result.contracts.length, 0);
  });
});

describe('contract level: refusals say where the contract breaks', () => {

  it('a synchronous call back (Zalgo)', () => {
    const source = [
      "const fs = require('fs');",
      'function read(p, cb) {',
      "  if (!p) return cb(new Error('no path'));",
      "  fs.readFile(p, 'utf8', (err, text) => {",
      '    if (err) return cb(err);',
      '    cb(null, text);',
      '  });',
      '}',
      "read('x', (err) => console.log(err));",
      '',
    ].join('\n');
    assert.equal(refusalOf(source, 'read'), 'contract-breach: calls `cb` synchronously at line 3, before anything asynchronous');
  });

  it('an error path that falls through to a second call back', () => {
    const source = [
      "const fs = require('fs');",
      'function read(p, cb) {',
      "  fs.readFile(p, 'utf8', (err, text) => {",
      '    if (err) cb(err);',
      '    cb(null, text);',
      '  });',
      '}',
      "read('x', (err) => console.log(err));",
      '',
    ].join('\n');
    assert.equal(refusalOf(source, 'read'), 'contract-breach: may call `cb` twice (lines 4 and 5)');
  });

  it('a path that never calls back', () => {
    const source = [
      "const fs = require('fs');",
      'function read(p, cb) {',
      "  fs.readFile(p, 'utf8', (err, text) => {",
      '    if (text) cb(null, text);',
      '  });',
      '}',
      "read('x', (err) => console.log(err));",
      '',
    ].join('\n');
    assert.match(refusalOf(source, 'read'), /^contract-breach: may end without calling `cb`/);
  });

  it('a callback handed to `fs.exists`, which calls it with a boolean in the error\'s place', () => {
    const source = [
      "const fs = require('fs');",
      'function exists(p, cb) {',
      '  fs.exists(p, cb);',
      '}',
      "exists('.', (err) => console.log(err));",
      '',
    ].join('\n');
    assert.equal(refusalOf(source, 'exists'), "contract-breach: hands `cb` to `fs.exists` at line 3, which calls it with a value in the error's place");
  });

  it('`fs.exists` given a name `resolve` (the awaited form would shadow it) keeps the function', () => {
    const source = [
      "const fs = require('fs');",
      'function check(resolve, cb) {',
      '  fs.exists(resolve, (found) => {',
      '    cb(null, found);',
      '  });',
      '}',
      "check('.', (err, found) => console.log(err, found));",
      '',
    ].join('\n');
    assert.equal(refusalOf(source, 'check'), 'no-promise-equivalent: its body does not convert (no-promise-equivalent)');
  });

  it('a method of a class with a base: the base may call it (Node\'s streams call `_transform` with a callback)', () => {
    const source = [
      "const { Transform } = require('stream');",
      'class Upper extends Transform {',
      '  _transform(chunk, encoding, done) {',
      '    setImmediate(() => done(null, String(chunk).toUpperCase()));',
      '  }',
      '}',
      'new Upper()._transform(\'a\', \'utf8\', (err, text) => console.log(text));',
      '',
    ].join('\n');
    assert.equal(refusalOf(source, '_transform'), 'contract-caller: it is a method of `Upper`, which extends `Transform`: code there may call it with a callback');
  });

  it('a prototype method of a constructor given a base by `util.inherits`', () => {
    const source = [
      "const util = require('util');",
      "const { Writable } = require('stream');",
      'function Sink() { Writable.call(this); }',
      'util.inherits(Sink, Writable);',
      'Sink.prototype._write = function (chunk, encoding, done) {',
      '  setImmediate(() => done(null));',
      '};',
      'new Sink()._write(\'a\', \'utf8\', (err) => console.log(err));',
      '',
    ].join('\n');
    assert.equal(refusalOf(source, '_write'), 'contract-caller: it is a method of `Sink`, which is handed to `util.inherits` at line 4 (`util.inherits` and the like set its base): code there may call it with a callback');
  });

  it('a method of an object literal handed to a function outside the program', () => {
    const source = [
      "const { Transform } = require('stream');",
      'const options = {',
      '  transform(chunk, encoding, done) {',
      '    setImmediate(() => done(null, chunk));',
      '  },',
      '};',
      'new Transform(options).end(\'a\');',
      '',
    ].join('\n');
    assert.equal(refusalOf(source, 'transform'), 'contract-caller: it is a method of `options`, which is handed to `Transform` at line 7: code there may call it with a callback');
  });

  it('a method a subclass of the program overrides', () => {
    const source = [
      'class Store {',
      '  load(key, cb) {',
      '    setImmediate(() => cb(null, key));',
      '  }',
      '  show(key) {',
      '    this.load(key, (err, value) => console.log(err, value));',
      '  }',
      '}',
      'class Cached extends Store {',
      '  load(key, cb) {',
      "    cb(null, 'cached ' + key);",
      '  }',
      '}',
      "new Cached().show('a');",
      '',
    ].join('\n');
    const result = convertSource(source);
    assert.equal(result.contracts.length, 0, JSON.stringify(result.contracts));
    const refusal = result.refusals.find((candidate) => candidate.name === 'load' && candidate.line === 2);
    assert.match(`${refusal?.reason}: ${refusal?.detail}`, /^contract-caller: `load` is overridden at .*inline\.js:10: a call through `this` may reach either$/);
  });

  it('a stored callback', () => {
    const source = [
      'const waiting = [];',
      'function later(cb) {',
      '  waiting.push(cb);',
      '}',
      'later((err) => console.log(err));',
      '',
    ].join('\n');
    assert.equal(refusalOf(source, 'later'), 'contract-breach: hands `cb` to `waiting.push` at line 3, which is not known to call it once, later');
  });

  it('a caller that uses what the function returns', () => {
    const source = [
      'function wait(ms, cb) {',
      '  setTimeout(() => cb(null), ms);',
      '}',
      'const handle = wait(1, () => {});',
      'console.log(typeof handle);',
      '',
    ].join('\n');
    assert.match(refusalOf(source, 'wait'), /^contract-caller: the call at .*inline\.js:4 uses what it returns$/);
  });
});

describe('contract level: several results', () => {
  const divide = [
    'function divide(a, b, cb) {',
    '  setImmediate(() => {',
    "    if (b === 0) return cb(new Error('division by zero'));",
    '    cb(null, Math.floor(a / b), a % b);',
    '  });',
    '}',
  ];
  const half = [
    'function half(n, cb) {',
    '  setImmediate(() => cb(null, n / 2));',
    '}',
  ];
  const convertedText = (source: string, options: ProgramConversionOptions = {}): string => convertSource(source, options).texts.get(path.join(PROGRAMS, 'inline.js')) ?? '';
  /** The refusal of `divide`, while `half` beside it still converts. */
  const divideRefusal = (source: string, options: ProgramConversionOptions = {}): string => {
    const result = convertSource(source, options);
    assert.deepEqual(result.contracts.map((contract) => contract.name), ['half']);
    const refusal = result.refusals.find((candidate) => candidate.name === 'divide');
    assert.ok(refusal !== undefined, JSON.stringify(result.refusals));
    return `${refusal.reason}: ${refusal.detail}`;
  };

  it('the function returns the array, callers destructure what they name, a forwarding caller returns the promise', () => {
    const source = [
      ...divide,
      '',
      'function quotient(a, b, cb) {',
      '  divide(a, b, (err, q) => {',
      '    if (err) return cb(err);',
      '    cb(null, q);',
      '  });',
      '}',
      '',
      'function both(a, b, cb) {',
      '  divide(a, b, (err, q, r) => cb(err, q, r));',
      '}',
      '',
      'function remainder(a, b, cb) {',
      '  divide(a, b, (err, q, r) => {',
      '    if (err) return cb(err);',
      '    cb(null, r);',
      '  });',
      '}',
      '',
      'quotient(7, 2, (err, q) => {',
      '  if (err) throw err;',
      '  both(7, 2, (err, q2, r) => {',
      '    if (err) throw err;',
      '    remainder(7, 2, (err, r2) => {',
      '      if (err) throw err;',
      '      console.log(q, q2, r, r2);',
      '    });',
      '  });',
      '});',
      '',
    ].join('\n');
    assert.equal(convertedText(source), [
      "const { setImmediate: setImmediateAsync } = require('node:timers/promises');",
      'async function divide(a, b) {',
      '  await setImmediateAsync();',
      "  if (b === 0) throw new Error('division by zero');",
      '  return [Math.floor(a / b), a % b];',
      '}',
      '',
      'async function quotient(a, b) {',
      '  const [q] = await divide(a, b);',
      '  return q;',
      '}',
      '',
      'async function both(a, b) {',
      '  return divide(a, b);',
      '}',
      '',
      'async function remainder(a, b) {',
      '  const [, r] = await divide(a, b);',
      '  return r;',
      '}',
      '',
      'async function main() {',
      '  const q = await quotient(7, 2);',
      '  const [q2, r] = await both(7, 2);',
      '  const r2 = await remainder(7, 2);',
      '  console.log(q, q2, r, r2);',
      '}',
      '',
      'main();',
      '',
    ].join('\n'));
  });

  it('a callback handed on whole returns the promise; `cb(null)` returns an empty array; a caller handling the error assigns in try', () => {
    const source = [
      'function divide(a, b, cb) {',
      '  setImmediate(() => {',
      '    if (b === 0) return cb(null);',
      '    cb(null, Math.floor(a / b), a % b);',
      '  });',
      '}',
      'function both(a, b, cb) {',
      '  divide(a, b, cb);',
      '}',
      'both(7, 2, (err, q, r) => {',
      '  if (err) {',
      "    console.log('failed', err.message);",
      '    return;',
      '  }',
      '  console.log(q, r);',
      '});',
      '',
    ].join('\n');
    assert.equal(convertedText(source), [
      "const { setImmediate: setImmediateAsync } = require('node:timers/promises');",
      'async function divide(a, b) {',
      '  await setImmediateAsync();',
      '  if (b === 0) return [];',
      '  return [Math.floor(a / b), a % b];',
      '}',
      'async function both(a, b) {',
      '  return divide(a, b);',
      '}',
      'async function main() {',
      '  let q, r;',
      '  try {',
      '    [q, r] = await both(7, 2);',
      '  } catch (err) {',
      "    console.log('failed', err.message);",
      '    return;',
      '  }',
      '  console.log(q, r);',
      '}',
      '',
      'main();',
      '',
    ].join('\n'));
  });

  it('refuses a public export under every --api: callers outside the program would get one array', () => {
    const source = [...divide, "divide(7, 2, (err, q, r) => console.log(q, r));", 'module.exports = divide;', ''].join('\n');
    for (const api of ['callback', 'promise', 'dual'] as const) {
      const result = convertSource(source, { api });
      assert.deepEqual(result.contracts, []);
      const refusal = result.refusals.find((candidate) => candidate.name === 'divide');
      assert.match(`${refusal?.reason}: ${refusal?.detail}`, /^multiple-results: it calls back with several results and is public API exported at .*inline\.js:8: callers outside the program call it with a callback, and no adapter hands a callback several results$/, api);
    }
  });

  it('refuses a method of a class a public file hands out, under every --api', () => {
    const source = [
      'class Calc {',
      '  divide(a, b, cb) {',
      '    setImmediate(() => cb(null, Math.floor(a / b), a % b));',
      '  }',
      '}',
      'new Calc().divide(7, 2, (err, q, r) => console.log(q, r));',
      'module.exports = Calc;',
      '',
    ].join('\n');
    for (const api of ['callback', 'promise', 'dual'] as const) {
      const refusal = convertSource(source, { api }).refusals.find((candidate) => candidate.name === 'divide');
      assert.match(`${refusal?.reason}: ${refusal?.detail}`, /^multiple-results: it calls back with several results and is a method of public API \(handed out at .*inline\.js:7\): callers outside the program call it with a callback/, api);
    }
  });

  it('refuses a function used as a value, and a caller whose callback is no function literal', () => {
    const value = [...divide, ...half, 'const op = divide;', "half(8, (err, h) => console.log(h));", "op(7, 2, (err, q, r) => console.log(q, r));", ''].join('\n');
    assert.match(divideRefusal(value), /^multiple-results: it calls back with several results and is used as a value at .*inline\.js:10: only a call with a function literal as its callback can destructure them$/);
    const named = [...divide, ...half, 'function show(err, q, r) {', '  console.log(q, r);', '}', "half(8, (err, h) => console.log(h));", 'divide(7, 2, show);', ''].join('\n');
    assert.match(divideRefusal(named), /^multiple-results: it calls back with several results and the call at .*inline\.js:14 passes `show`, not a function literal that could destructure them$/);
  });

  it('refuses it when a caller keeps its callback, and plans the rest again without it', () => {
    const source = [...divide, ...half, "half(8, (err, h) => console.log(h));", 'for (const n of [1, 2]) {', '  divide(7, n, (err, q, r) => console.log(q, r));', '}', ''].join('\n');
    assert.match(divideRefusal(source), /^multiple-results: it calls back with several results and a call at .*inline\.js:12 keeps its callback \(the call is inside a loop .*\): no adapter hands a callback several results$/);
    assert.match(convertedText(source), /^async function half\(n\) \{$/m);
    // Level one still awaits the timer inside it; the callback parameter stays.
    assert.match(convertedText(source), /^async function divide\(a, b, cb\) \{$/m);
  });

  it('refuses it in a TypeScript file', () => {
    const source = [...divide, "divide(7, 2, (err, q, r) => console.log(q, r));", ''].join('\n');
    const result = convertProgramTexts(new Map([[path.join(PROGRAMS, 'inline.ts'), source]]));
    const refusal = result.refusals.find((candidate) => candidate.name === 'divide');
    assert.equal(`${refusal?.reason}: ${refusal?.detail}`, 'multiple-results: it calls back with several results in a TypeScript file, where the array it would return needs a tuple type (not written yet)');
  });
});

describe('contract level: which class a method call reaches', () => {
  const store = [
    'class Store {',
    '  get(key, cb) {',
    '    setImmediate(() => {',
    "      if (key !== 'a') return cb(Object.assign(new Error('no ' + key), { code: 'ENOKEY' }));",
    '      cb(null, 1);',
    '    });',
    '  }',
    '}',
  ];

  it('a parameter every call fills with an instance, and a factory returning `new`', () => {
    const source = [
      ...store,
      'function openStore() {',
      '  return new Store();',
      '}',
      'function show(s, key) {',
      '  s.get(key, (err, value) => {',
      '    if (err) return console.log(err.code);',
      '    console.log(value);',
      '  });',
      '}',
      'const shop = openStore();',
      "show(shop, 'a');",
      "show(shop, 'z');",
      '',
    ].join('\n');
    const text = convertSource(source).texts.get(path.join(PROGRAMS, 'inline.js')) ?? '';
    assert.match(text, /async get\(key\) \{/);
    assert.match(text, /throw Object\.assign\(new Error\('no ' \+ key\), \{ code: 'ENOKEY' \}\);/);
    assert.match(text, /async function show\(s, key\) \{\n  let value;\n  try \{\n    value = await s\.get\(key\);/);
  });

  it('refuses a parameter of a function also used as a value (its callers are not all known)', () => {
    const source = [
      ...store,
      'function show(s, key) {',
      '  s.get(key, (err, value) => console.log(err ? err.code : value));',
      '}',
      "show(new Store(), 'a');",
      "[new Store()].forEach((s) => show(s, 'z'));",
      'module.exports.show = show;',
      '',
    ].join('\n');
    assert.match(refusalOf(source, 'get'), /^contract-caller: `\.get` is read at .*inline\.js:10 on a value whose class is unknown$/);
  });

  it('keeps the methods of a class a public file exports, unless --api promise', () => {
    const source = [
      ...store,
      'module.exports = Store;',
      '',
    ].join('\n');
    assert.match(refusalOf(source, 'get'), /^contract-caller: it is a method of public API \(handed out at .*inline\.js:9\): callers outside the program call it with a callback \(use --api promise to change the public contract\)$/);
    assert.match(convertSource(source, { api: 'promise' }).texts.get(path.join(PROGRAMS, 'inline.js')) ?? '', /async get\(key\) \{/);
  });
});

describe('contract level: focused on one function (the editor refactor)', () => {
  const source = [
    "const fs = require('fs');",
    'function readText(p, cb) {',
    "  fs.readFile(p, 'utf8', (err, text) => {",
    '    if (err) return cb(err);',
    '    cb(null, text.trim());',
    '  });',
    '}',
    'function other(p, cb) {',
    '  fs.stat(p, (err, st) => {',
    '    if (err) return cb(err);',
    '    cb(null, st.size);',
    '  });',
    '}',
    'function show(p) {',
    '  readText(p, (err, text) => {',
    '    if (err) return console.log(err.code);',
    '    console.log(text);',
    '  });',
    '}',
    "show('x');",
    "other('x', (err, size) => console.log(err, size));",
    '',
  ].join('\n');

  it('converts the function and its caller, and leaves the rest alone', () => {
    const file = path.join(PROGRAMS, 'inline.js');
    const result = convertSource(source, { focus: { file, line: 2 } });
    assert.deepEqual(result.contracts.map((contract) => contract.name), ['readText']);
    const text = result.texts.get(file) ?? '';
    assert.match(text, /async function readText\(p\) \{\n  const text = await readFile\(p, 'utf8'\);\n  return text\.trim\(\);\n\}/);
    assert.match(text, /async function show\(p\) \{\n  let text;\n  try \{\n    text = await readText\(p\);/);
    assert.match(text, /function other\(p, cb\) \{\n  fs\.stat\(p, \(err, st\) => \{/, 'other is not connected: untouched');
  });
});

describe('contract level: calls of functions that keep their callback', () => {
  it('are reported as kept-contract, naming the function and its refusal, not as an unknown API', () => {
    const file = path.join(PROGRAMS, 'refuse-zalgo-cache.js');
    const result = convertFiles([file]);
    assert.deepEqual(result.refusals.map((refusal) => `${refusal.name}:${refusal.line} ${refusal.reason}`), ['getCached:7 contract-breach']);
    const calls = (result.reports.get(file) ?? []).filter((entry) => entry.callee === 'getCached');
    assert.deepEqual(calls.map((entry) => `${entry.line} ${entry.outcome} ${entry.reason} ${entry.reasonText}`), [
      '15 refused kept-contract `getCached` (line 7) keeps its callback: contract-breach',
      '18 refused kept-contract `getCached` (line 7) keeps its callback: contract-breach',
    ]);
  });

  it('in another file of the program, the place is written relative to the caller', () => {
    const lib = path.join(PROGRAMS, 'lib', 'cache.js');
    const main = path.join(PROGRAMS, 'main.js');
    const result = convertProgramTexts(new Map([
      [lib, "'use strict';\nconst cache = new Map();\nexports.getCached = function (key, cb) {\n  if (cache.has(key)) return cb(null, cache.get(key));\n  setImmediate(() => cb(null, key.length));\n};\n"],
      [main, "'use strict';\nconst { getCached } = require('./lib/cache');\nfunction show() {\n  getCached('k', (err, n) => {\n    if (err) throw err;\n    console.log(n);\n  });\n}\nshow();\n"],
    ]));
    const calls = (result.reports.get(main) ?? []).filter((entry) => entry.callee === 'getCached');
    assert.deepEqual(calls.map((entry) => `${entry.line} ${entry.reason} ${entry.reasonText}`), ['4 kept-contract `getCached` (lib/cache.js:3) keeps its callback: contract-breach']);
  });

  it('a call the call level does not refuse as an unknown API keeps its own reason', () => {
    const result = convertSource("'use strict';\nfunction get(key, cb) {\n  if (!key) return cb(new Error('no key'));\n  setImmediate(() => cb(null, key));\n}\nconst r = get('a', (err, v) => {\n  if (err) throw err;\n  console.log(v);\n});\nconsole.log(r);\n");
    const calls = [...result.reports.values()].flat().filter((entry) => entry.callee === 'get');
    assert.deepEqual(calls.map((entry) => entry.reason), ['result-used']);
  });
});
