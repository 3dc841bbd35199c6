/**
 * The tidy step after a contract converts: `catch (e) { return cb(e); }`
 * leaves `catch (e) { throw e; }`, which does nothing an async function does
 * not; the `try` gives way to its statements, and `let v; v = …;` becomes
 * `const v = …;`. Only where nothing else changes.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { convertProgramTexts } from '../../rules/convert/convert-program';
import { analyseProgramFile } from '../../rules/convert/program/analyse-file';
import { needlessReturnEdits } from '../../rules/convert/rewrite/tidy';
import type { FunctionNode } from '../../rules/shared/async-context';

const FILE = path.join('/virtual', 'tidy', 'read.js');

function converted(body: string): string {
  const source = [
    "const fs = require('fs');",
    'function read(file, cb) {',
    "  fs.readFile(file, 'utf8', (err, text) => {",
    '    if (err) return cb(err);',
    ...body.split('\n').map((line) => (line === '' ? '' : `    ${line}`)),
    '  });',
    '}',
    "read('a.json', (err, v) => {",
    '  if (err) return console.log(err.message);',
    '  console.log(v);',
    '});',
    '',
  ].join('\n');
  const result = convertProgramTexts(new Map([[FILE, source]]));
  assert.deepEqual(result.contracts.map((contract) => contract.name), ['read'], JSON.stringify(result.refusals));
  const text = result.texts.get(FILE) ?? '';
  return text.slice(text.indexOf('async function read'), text.indexOf('\n}\n') + 2);
}

describe('contract level: tidying the converted function', () => {
  it('a catch that only forwarded the error goes, and the value is declared where it is assigned', () => {
    assert.equal(converted('let value;\ntry {\n  value = JSON.parse(text);\n} catch (e) {\n  return cb(e);\n}\ncb(null, value);'), [
      'async function read(file) {',
      "  const text = await readFile(file, 'utf8');",
      '  const value = JSON.parse(text);',
      '  return value;',
      '}',
    ].join('\n'));
  });

  it('comments in the block stay, and several statements keep their order and indentation', () => {
    assert.equal(converted('let value;\ntry {\n  // strict JSON only\n  value = JSON.parse(text);\n  if (value === null) {\n    value = {};\n  }\n} catch (e) {\n  return cb(e);\n}\ncb(null, value);'), [
      'async function read(file) {',
      "  const text = await readFile(file, 'utf8');",
      '  let value;',
      '  // strict JSON only',
      '  value = JSON.parse(text);',
      '  if (value === null) {',
      '    value = {};',
      '  }',
      '  return value;',
      '}',
    ].join('\n'));
  });

  it('keeps the try when the catch does more, or when the block scopes a declaration', () => {
    assert.match(converted("let value;\ntry {\n  value = JSON.parse(text);\n} catch (e) {\n  e.file = file;\n  return cb(e);\n}\ncb(null, value);"), /\n {2}try \{\n {4}value = JSON\.parse\(text\);\n {2}\} catch \(e\) \{\n {4}e\.file = file;\n {4}throw e;\n {2}\}\n/);
    assert.match(converted("let name;\ntry {\n  const value = JSON.parse(text);\n  name = value.name;\n} catch (e) {\n  return cb(e);\n}\ncb(null, name);"), /\n {2}try \{\n {4}const value = JSON\.parse\(text\);/);
  });

  it('keeps the try around a template literal spanning lines (dedenting would change it)', () => {
    assert.match(converted('let value;\ntry {\n  value = JSON.parse(`${text}\n  `);\n} catch (e) {\n  return cb(e);\n}\ncb(null, value);'), /\n +try \{\n +value = JSON\.parse\(`\$\{text\}\n/);
  });

  it('no `return;` is left after a `throw` (from `return setImmediate(() => cb(err))`)', () => {
    const source = [
      "const fs = require('fs');",
      'function check(n, cb) {',
      '  if (n < 0) {',
      "    return setImmediate(() => cb(new Error('negative')));",
      '  }',
      "  fs.stat('.', (err) => {",
      '    if (err) return cb(err);',
      '    cb(null, n);',
      '  });',
      '}',
      'check(1, (err, n) => {',
      '  if (err) throw err;',
      '  console.log(n);',
      '});',
      '',
    ].join('\n');
    const result = convertProgramTexts(new Map([[FILE, source]]));
    assert.deepEqual(result.contracts.map((contract) => contract.name), ['check']);
    const text = result.texts.get(FILE) ?? '';
    assert.ok(text.includes([
      'async function check(n) {',
      '  if (n < 0) {',
      '    await setImmediateAsync();',
      "    throw new Error('negative');",
      '  }',
      "  await stat('.');",
      '  return n;',
      '}',
    ].join('\n')), text);
  });

  it('no `return;` is left where the function ends anyway (from `return fs.exists(p, (x) => {…})` in the last branch)', () => {
    const source = [
      "const fs = require('fs');",
      'function find(a, b, cb) {',
      '  if (a === b) {',
      "    return fs.stat(a, (err) => {",
      '      if (err) return cb(err);',
      '      cb(null, a);',
      '    });',
      '  } else {',
      '    return fs.exists(a, (found) => {',
      '      if (found) {',
      '        return cb(null, a);',
      '      } else {',
      '        return cb(null, b);',
      '      }',
      '    });',
      '  }',
      '}',
      "find('x', 'y', (err, name) => {",
      '  if (err) throw err;',
      '  console.log(name);',
      '});',
      '',
    ].join('\n');
    const result = convertProgramTexts(new Map([[FILE, source]]));
    assert.deepEqual(result.contracts.map((contract) => contract.name), ['find'], JSON.stringify(result.refusals));
    const text = result.texts.get(FILE) ?? '';
    assert.ok(text.includes([
      'async function find(a, b) {',
      '  if (a === b) {',
      '    await stat(a);',
      '    return a;',
      '  } else {',
      '    const found = await new Promise((resolve) => fs.exists(a, resolve));',
      '    if (found) {',
      '      return a;',
      '    } else {',
      '      return b;',
      '    }',
      '  }',
      '}',
    ].join('\n')), text);
  });

  it('a `return;` in a loop, before more code, or alone in its block stays', () => {
    const source = [
      'async function f(names, seen) {',
      '  for (const name of names) {',
      '    if (seen.has(name)) {',
      '      console.log(name);',
      '      return;',
      '    }',
      '  }',
      '  if (names.length === 0) {',
      '    return;',
      '  }',
      '  if (seen.size === 0) {',
      '    console.log(seen);',
      '    return;',
      '  }',
      '  console.log(names);',
      '}',
      '',
    ].join('\n');
    const file = analyseProgramFile('/virtual/tidy/f.js', source);
    if (typeof file === 'string') assert.fail(file);
    const fn = file.sourceCode.ast.body[0] as FunctionNode;
    assert.deepEqual(needlessReturnEdits(fn, file.sourceCode), []);
  });

  it('a value assigned again later stays `let`', () => {
    assert.match(converted('let value;\ntry {\n  value = JSON.parse(text);\n} catch (e) {\n  return cb(e);\n}\nif (!value) value = {};\ncb(null, value);'), /\n {2}let value;\n {2}value = JSON\.parse\(text\);\n/);
  });
});
