/**
 * `deferSyncCallbacks` (`--defer-sync-callbacks`): functions that call back
 * synchronously on some paths convert too, and the report names each such
 * line. Off by default: the same functions are refused (contract-breach).
 * The programs run before and after: where nothing ran between the call and
 * its callback the output is the same; where something did, the output
 * shows the tick the result now waits, and nothing else.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertProgramTexts } from '../../rules/convert/convert-program';

const PROGRAMS = path.join(__dirname, '..', '..', '..', 'test', 'convert', 'contract-programs');

function convertProgram(name: string, deferSyncCallbacks: boolean): { before: string; after: string; result: ReturnType<typeof convertProgramTexts> } {
  const file = path.join(PROGRAMS, name);
  const before = fs.readFileSync(file, 'utf8');
  const result = convertProgramTexts(new Map([[file, before]]), { deferSyncCallbacks });
  return { before, after: result.texts.get(file) ?? '', result };
}

function run(text: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-defer-'));
  try {
    fs.writeFileSync(path.join(folder, 'program.js'), text);
    return execFileSync(process.execPath, [path.join(folder, 'program.js')], { encoding: 'utf8' });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe('contract level: --defer-sync-callbacks', function () {
  this.timeout(60_000);

  it('off by default: a function checking its argument before anything asynchronous keeps its callback', () => {
    const { result } = convertProgram('refuse-zalgo-validation.js', false);
    assert.deepEqual(result.contracts, []);
    assert.equal(result.refusals[0]?.reason, 'contract-breach');
    assert.match(result.refusals[0]?.detail ?? '', /calls `cb` synchronously at line 6, before anything asynchronous/);
  });

  it('on: the argument check throws in the async function, and the plan names the line', () => {
    const { after, result } = convertProgram('refuse-zalgo-validation.js', true);
    assert.deepEqual(result.contracts.map((contract) => [contract.name, contract.deferred]), [['parsePort', [6]]]);
    assert.ok(after.includes([
      'async function parsePort(text) {',
      '  const port = Number(text);',
      "  if (!Number.isInteger(port)) throw new Error('not a port: ' + text);",
      '  await new Promise((resolve) => setTimeout(resolve, 1));',
      '  return port;',
      '}',
    ].join('\n')), after);
  });

  it('a loop that calls back at once for an empty list converts, and runs the same where nothing ran in between', () => {
    const { before, after, result } = convertProgram('loop-write-files.js', true);
    assert.deepEqual(result.contracts.map((contract) => [contract.name, contract.deferred]), [['writeAll', [12]]]);
    assert.match(after, /\nasync function writeAll\(names\) \{\n/);
    assert.equal(run(after), run(before));
  });

  it('where code runs between the call and its callback, the output shows the later result, and only that', () => {
    const { before, after } = convertProgram('refuse-zalgo-empty-list.js', true);
    assert.equal(run(before), 'empty 0, after calls, list 6\n');
    assert.equal(run(after), 'after calls, empty 0, list 6\n');
  });
});
