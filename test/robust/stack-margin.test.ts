import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileMessages } from './lint-messages';
import { pyramid, type OddInput } from './odd-inputs';

const RUNNER = path.join(__dirname, 'lint-messages.js');
const repeat = (count: number, item: (index: number) => string, separator = ''): string => Array.from({ length: count }, (_, index) => item(index)).join(separator);

/**
 * Inputs just inside the nesting limits (rules/parsers/nesting-guard.ts):
 * parsed and linted at the default stack. A check that overflowed the stack
 * on them would give up on its node silently (stack-overflow-guard.ts), so
 * the findings are compared with a run on a 64 MB stack, where nothing
 * overflows: any difference is a recursion in our code (or a library's)
 * that the limits do not cover.
 */
const NEAR_LIMIT: readonly OddInput[] = [
  pyramid(120),
  { name: 'then-450.js', text: `function f() { return Promise.resolve()${'.then(() => 1)'.repeat(450)}; }\nasync function g() { Promise.resolve()${'.then(() => 1)'.repeat(450)}; }\nmodule.exports = { f, g };\n` },
  { name: 'then-callback-450.js', text: `function f(cb) { Promise.resolve()${'.then((x) => x)'.repeat(450)}.then((v) => cb(null, v), cb); }\nmodule.exports = f;\n` },
  { name: 'sync-sum-900.js', text: `const fs = require('fs');\nasync function f() { return ${repeat(900, () => "fs.readFileSync('a')", ' + ')}; }\nmodule.exports = f;\n` },
  { name: 'member-1000.js', text: `const fs = require('fs');\nasync function f() { return fs${'.promises'.repeat(1000)}; }\nmodule.exports = f;\n` },
  { name: 'ternary-500.js', text: `const x = Math.random();\nmodule.exports = ${repeat(500, (i) => `x > ${i} ? ${i} : `)}0;\n` },
  {
    name: 'else-if-1000.js',
    text: `const fs = require('fs');\nfunction f(cb) { fs.readFile('a', (err, d) => {\n${repeat(1000, (i) => `${i === 0 ? '' : 'else '}if (err && err.code === 'E${i}') { cb(err); }`, '\n')}\ncb(null, d);\n}); }\nmodule.exports = f;\n`,
  },
  { name: 'async-arrows-140.js', text: `const fs = require('fs');\nmodule.exports = ${"async () => { fs.readFileSync('a'); return ".repeat(140)}1${'; }'.repeat(140)};\n` },
  { name: 'loops-140.js', text: `const fs = require('fs');\nfunction f(cb) {\n${'for (const a of [1]) {'.repeat(140)}fs.readFile('a', (err, d) => { if (err) cb(err); cb(null, d); });${'}'.repeat(140)}\n}\nmodule.exports = f;\n` },
  { name: 'try-140.js', text: `const fs = require('fs');\nfunction f(cb) {\n${'try {'.repeat(140)}fs.readFile('a', (err, d) => { cb(null, d); });${'} catch (e) { cb(e); }'.repeat(140)}\n}\nmodule.exports = f;\n` },
];

/** Shapes only there to be walked: the comparison is that nothing throws or differs. */
const WITHOUT_FINDINGS = new Set(['member-1000.js', 'ternary-500.js', 'then-callback-450.js']);

function inWorker(files: readonly string[]): Promise<FileMessages[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(RUNNER, { workerData: { role: 'lint-messages', files }, resourceLimits: { stackSizeMb: 64 } });
    worker.once('message', (messages: FileMessages[]) => {
      resolve(messages);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('near the nesting limits, the default stack finds what a 64 MB stack finds', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-stack-margin-'));
    for (const input of NEAR_LIMIT) fs.writeFileSync(path.join(dir, input.name), input.text);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('same findings and suggestions, no parse error, at both stack sizes', async () => {
    const files = NEAR_LIMIT.map((input) => path.join(dir, input.name));
    const run = spawnSync(process.execPath, [RUNNER, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 240_000 });
    assert.equal(run.status, 0, run.stderr.slice(0, 2000));
    const atDefault = JSON.parse(run.stdout) as FileMessages[];
    const atLarge = await inWorker(files);
    for (const [index, input] of NEAR_LIMIT.entries()) {
      const small = atDefault[index] as FileMessages;
      assert.equal(small.file, input.name);
      assert.ok(small.messages.length > 0 || WITHOUT_FINDINGS.has(input.name), `${input.name}: no findings at all`);
      assert.ok(!small.messages.some((message) => message.startsWith('[null')), `${input.name}: ${small.messages.find((message) => message.startsWith('[null')) ?? ''}`);
      assert.deepEqual(small.messages, atLarge[index]?.messages, `${input.name}: the default stack lost or changed findings`);
    }
  });
});
