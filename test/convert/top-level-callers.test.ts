/**
 * Callers of converted contract functions that had no function to await in
 * (docs/conversion.md, "Callers with no function to await in"): a top-level
 * statement other than the last is started in place in an async arrow, an
 * expression-bodied arrow given to `setTimeout`/`setImmediate` gets a block
 * body. Text for text, then every program run before and after with node.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertProgramTexts } from '../../rules/convert/convert-program';
import { runNode, stderrShape, withLimit, type RunResult } from './run-programs';

const ROOT = path.join(__dirname, '..', '..', '..');
const CONTRACT_PROGRAMS = path.join(ROOT, 'test', 'convert', 'contract-programs');
const PROGRAMS = path.join(ROOT, 'test', 'convert', 'programs');

/** A one-file program under a name no file has (nothing is read from disk). */
function convert(source: string): string {
  const file = path.join(CONTRACT_PROGRAMS, 'inline.js');
  return convertProgramTexts(new Map([[file, source]])).texts.get(file) ?? '';
}

const DOUBLE = [
  "'use strict';",
  'function double(value, cb) {',
  '  setImmediate(() => {',
  "    if (value < 0) return cb(new Error('negative'));",
  '    cb(null, value * 2);',
  '  });',
  '}',
  '',
];

const DOUBLE_CONVERTED = [
  "'use strict';",
  "const { setImmediate: setImmediateAsync } = require('node:timers/promises');",
  'async function double(value) {',
  '  await setImmediateAsync();',
  "  if (value < 0) throw new Error('negative');",
  '  return value * 2;',
  '}',
  '',
];

const NOT_LAST = [
  ...DOUBLE,
  'double(2, (err, n) => {',
  '  if (err) throw err;',
  "  console.log('double', n);",
  '});',
  "console.log('started');",
  '',
].join('\n');

const NO_SEMICOLONS = [
  "const label = 'size'",
  'function size (text, cb) {',
  '  setImmediate(() => {',
  '    cb(null, text.length)',
  '  })',
  '}',
  '',
  "const text = 'no semicolons'",
  'size(text, (err, n) => {',
  '  if (err) throw err',
  '  console.log(label, n)',
  '})',
  "console.log('started')",
  '',
].join('\n');

const TIMER_ARROW = [
  ...DOUBLE,
  'setTimeout(() => double(-1, (err, n) => {',
  '  if (err) {',
  "    console.log('error', err.message);",
  '    process.exitCode = 2;',
  '    return;',
  '  }',
  "  console.log('double', n);",
  '}), 10);',
  "setImmediate(() => console.log('immediate'));",
  '',
].join('\n');

/** An error thrown in the callback: an uncaught exception before, an unhandled rejection after; exit code 1 both. */
const THROWS_IN_CALLBACK = [
  ...DOUBLE,
  'double(-1, (err, n) => {',
  '  if (err) throw err;',
  "  console.log('double', n);",
  '});',
  "console.log('after');",
  "setTimeout(() => console.log('never'), 50);",
  '',
].join('\n');

/** The documented difference: a synchronous throw of the called function now lets the statements after the caller run first. */
const THROWS_AT_ONCE = [
  "'use strict';",
  'function upper(text, cb) {',
  '  const result = text.toUpperCase();',
  '  setImmediate(() => cb(null, result));',
  '}',
  '',
  'upper(undefined, (err, text) => {',
  '  if (err) throw err;',
  '  console.log(text);',
  '});',
  "console.log('after');",
  '',
].join('\n');

describe('contract level: callers with no function to await in', function () {
  this.timeout(300_000);

  it('a top-level caller that is not the last statement is started in place in an async arrow', () => {
    assert.equal(convert(NOT_LAST), [
      ...DOUBLE_CONVERTED,
      '(async () => {',
      '  const n = await double(2);',
      "  console.log('double', n);",
      '})();',
      "console.log('started');",
      '',
    ].join('\n'));
  });

  it('without semicolons the arrow is written `;(async () => {…})()`', () => {
    assert.equal(convert(NO_SEMICOLONS), [
      "const { setImmediate: setImmediateAsync } = require('node:timers/promises')",
      "const label = 'size'",
      'async function size (text) {',
      '  await setImmediateAsync()',
      '  return text.length',
      '}',
      '',
      "const text = 'no semicolons'",
      ';(async () => {',
      '  const n = await size(text)',
      '  console.log(label, n)',
      '})()',
      "console.log('started')",
      '',
    ].join('\n'));
  });

  it('an expression-bodied arrow given to setTimeout becomes an async arrow with a block body', () => {
    assert.equal(convert(TIMER_ARROW), [
      ...DOUBLE_CONVERTED,
      'setTimeout(async () => {',
      '  let n;',
      '  try {',
      '    n = await double(-1);',
      '  } catch (err) {',
      "    console.log('error', err.message);",
      '    process.exitCode = 2;',
      '    return;',
      '  }',
      "  console.log('double', n);",
      '}, 10);',
      "setImmediate(() => console.log('immediate'));",
      '',
    ].join('\n'));
  });

  it('the report names the converted call at its own line, and not the timer given the arrow made here', () => {
    const file = path.join(CONTRACT_PROGRAMS, 'inline.js');
    const report = convertProgramTexts(new Map([[file, TIMER_ARROW]])).reports.get(file) ?? [];
    const call = TIMER_ARROW.split('\n').findIndex((line) => line.startsWith('setTimeout(')) + 1;
    assert.deepEqual(report.map((entry) => `${entry.line} ${entry.outcome} ${entry.callee} ${entry.reason ?? ''}`), [`${call} converted double `, `${call + 8} refused setImmediate top-level`]);
  });

  it('programs run the same before and after: stdout, exit code, stderr shape; forward-to-callback.js keeps no callback', async () => {
    const forward = fs.readFileSync(path.join(PROGRAMS, 'forward-to-callback.js'), 'utf8');
    const started = fs.readFileSync(path.join(CONTRACT_PROGRAMS, 'top-level-started-in-place.js'), 'utf8');
    const programs = { NOT_LAST, NO_SEMICOLONS, TIMER_ARROW, THROWS_IN_CALLBACK, forward, started };
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-top-level-'));
    try {
      const runs = await withLimit(Object.entries(programs).map(([name, source]) => async (): Promise<[string, RunResult, RunResult, string]> => {
        const converted = convert(source);
        fs.writeFileSync(path.join(workDir, `${name}.js`), source);
        fs.writeFileSync(path.join(workDir, `${name}.converted.js`), converted);
        return [name, await runNode(`${name}.js`, workDir), await runNode(`${name}.converted.js`, workDir), converted];
      }), 2);
      for (const [name, before, after, converted] of runs) {
        assert.notEqual(converted, programs[name as keyof typeof programs], `${name} converts`);
        assert.deepEqual(
          { stdout: after.stdout, code: after.code, stderr: stderrShape(after.stderr) },
          { stdout: before.stdout, code: before.code, stderr: stderrShape(before.stderr) },
          `${name}:\n${converted}\nstderr before:\n${before.stderr}\nstderr after:\n${after.stderr}`,
        );
      }
      const forwardConverted = runs.find(([name]) => name === 'forward')?.[3] ?? '';
      assert.doesNotMatch(forwardConverted, /\(err, n\) =>|callbackify/, forwardConverted);
      assert.equal(runs.find(([name]) => name === 'THROWS_IN_CALLBACK')?.[2].code, 1);
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });

  it('a synchronous throw of the called function ends the program with code 1 after the statements that follow the caller (before: at once)', async () => {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-top-level-'));
    try {
      fs.writeFileSync(path.join(workDir, 'before.js'), THROWS_AT_ONCE);
      fs.writeFileSync(path.join(workDir, 'after.js'), convert(THROWS_AT_ONCE));
      const before = await runNode('before.js', workDir);
      const after = await runNode('after.js', workDir);
      assert.deepEqual([before.stdout, before.code], ['', 1]);
      assert.deepEqual([after.stdout, after.code], ['after\n', 1]);
      assert.match(after.stderr, /TypeError/);
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
});
