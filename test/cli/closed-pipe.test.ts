import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'async-guard.js');

describe('async-guard | head (the reader closes the pipe early)', () => {
  it('stops quietly: no EPIPE stack trace, no internal error', async function () {
    this.timeout(60_000);
    // Far more findings than a pipe's buffer holds, so the CLI is still writing when the reader goes away.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-pipe-'));
    const body = Array.from({ length: 3000 }, (_, index) => `  fs.readFileSync('f${index}');`).join('\n');
    fs.writeFileSync(path.join(dir, 'many.js'), `const fs = require('fs');\nasync function load() {\n${body}\n}\nmodule.exports = { load };\n`);
    const child = spawn(process.execPath, [BIN, 'many.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(stderr, '');
    // The findings' exit code (1), or 0 when the pipe closed before the run ended.
    assert.ok(code === 0 || code === 1, `exit code ${code}`);
  });

  it('--convert: the files are written whole before the report, so a closed pipe loses no edit', async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-pipe-'));
    const file = path.join(dir, 'read.js');
    const source = "const fs = require('fs');\nfunction show() {\n  fs.readFile(__filename, 'utf8', (err, text) => {\n    if (err) throw err;\n    console.log(text.length);\n  });\n}\nshow();\n";
    fs.writeFileSync(file, source, { mode: 0o640 });
    // As a user types it: `head` exits after the first line, while the CLI still has lines to print.
    const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" --convert read.js | head -1`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise((resolve) => child.on('close', resolve));
    const after = fs.readFileSync(file, 'utf8');
    const mode = fs.statSync(file).mode & 0o777;
    const left = fs.readdirSync(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(after, "const fs = require('fs');\nconst { readFile } = require('node:fs/promises');\nasync function show() {\n  const text = await readFile(__filename, 'utf8');\n  console.log(text.length);\n}\nshow();\n");
    assert.equal(mode, 0o640);
    assert.deepEqual(left, ['read.js']);
  });
});
