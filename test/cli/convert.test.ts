import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../cli/main';

const CALLBACK_CODE = `const fs = require('fs');
function load(p, done) {
  // read the file, then report its size
  fs.readFile(p, 'utf8', (err, text) => {
    if (err) throw err;
    done(text.length);
  });
}
load(__filename, (size) => console.log(size));
`;

const CONVERTED = `const fs = require('fs');
const { readFile } = require('node:fs/promises');
async function load(p, done) {
  // read the file, then report its size
  const text = await readFile(p, 'utf8');
  done(text.length);
}
load(__filename, (size) => console.log(size));
`;

const REFUSED_CODE = `const fs = require('fs');
function load(p) {
  fs.readFile(p, (err, data) => {
    if (err) throw err;
    console.log(data.length);
  });
  console.log('reading');
}
module.exports = load;
`;

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('async-guard --convert', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-convert-'));
    fs.writeFileSync(path.join(dir, 'load.js'), CALLBACK_CODE);
    fs.writeFileSync(path.join(dir, 'refused.js'), REFUSED_CODE);
    fs.writeFileSync(path.join(dir, 'broken.js'), 'function (\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('rewrites what is safe, keeps comments, and reports conversions and refusals with reasons', async () => {
    const result = await run(dir, '--convert');
    assert.equal(result.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'load.js'), 'utf8'), CONVERTED);
    assert.equal(fs.readFileSync(path.join(dir, 'refused.js'), 'utf8'), REFUSED_CODE);
    assert.match(result.stdout, /^load\.js\n +4 {2}converted {2}fs\.readFile$/m);
    assert.match(result.stdout, /^refused\.js\n +3 {2}refused {4}fs\.readFile: code-after \(.+\)$/m);
    assert.match(result.stdout, /^converted 1 call\(s\) in 1 file\(s\) of 3; refused 1 \(code-after 1\)$/m);
    assert.match(result.stderr, /^async-guard: broken\.js: .+ \(file skipped\)$/m);
  });

  it('reports the note of a call in a loop that already awaits, and the refusal of one that does not', async () => {
    fs.writeFileSync(
      path.join(dir, 'loops.js'),
      "const fs = require('fs');\nasync function awaiting(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.unlink(name, (err) => {\n      if (err) throw err;\n    });\n  }\n}\nasync function concurrent(names) {\n  for (const name of names) {\n    fs.unlink(name, (err) => {\n      if (err) throw err;\n    });\n  }\n}\nawaiting([]);\nconcurrent([]);\n",
    );
    const result = await run(dir, '--convert', '--dry-run', 'loops.js');
    assert.match(result.stdout, /^ +5 {2}converted {2}fs\.unlink: the loop already awaits, so each iteration now also waits for `fs\.unlink`$/m);
    // Lines of the file as given, although the refusal was found in the last pass (where the converted function is one line shorter).
    assert.match(result.stdout, /^ +12 {2}refused {4}fs\.unlink: in-loop \(the call is inside a loop that does not already await on every iteration.+\)$/m);
  });

  it('writes every file before printing anything, in place, with its mode (a closed pipe may end the process at the first line)', async () => {
    fs.chmodSync(path.join(dir, 'load.js'), 0o640);
    const seen: string[] = [];
    const io: CliIo = { cwd: dir, stdout: (text) => seen.push(fs.readFileSync(path.join(dir, 'load.js'), 'utf8') + text), stderr: () => undefined };
    assert.equal(await main(['--convert'], io), 0);
    assert.ok(seen.length > 0);
    assert.ok(seen[0]!.startsWith(CONVERTED), 'the first line was printed before load.js was written');
    assert.equal(fs.statSync(path.join(dir, 'load.js')).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['broken.js', 'load.js', 'refused.js']);
  });

  it('writes nothing with --dry-run', async () => {
    const result = await run(dir, '--convert', '--dry-run', 'load.js');
    assert.equal(result.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'load.js'), 'utf8'), CALLBACK_CODE);
    assert.match(result.stdout, /^would convert 1 call\(s\) in 1 file\(s\) of 1; refused 0$/m);
  });

  it('converges: a second run changes nothing', async () => {
    await run(dir, '--convert');
    const second = await run(dir, '--convert', 'load.js');
    assert.equal(fs.readFileSync(path.join(dir, 'load.js'), 'utf8'), CONVERTED);
    assert.match(second.stdout, /converted 0 call\(s\) in 0 file\(s\) of 1/);
  });

  it('never applies a conversion that only declared types justify, even with --type-aware', async () => {
    const typed = "import { promisify as _p } from 'node:util';\ndeclare function fetchUser(id: string, cb: (err: Error | null, name?: string) => void): void;\nfunction show(id: string) {\n  fetchUser(id, (err, name) => {\n    if (err) throw err;\n    console.log(name);\n  });\n}\nshow('1');\n";
    fs.writeFileSync(path.join(dir, 'typed.ts'), typed);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'node16' }, include: ['*.ts'] }));
    const result = await run(dir, '--convert', '--type-aware', 'typed.ts');
    assert.equal(fs.readFileSync(path.join(dir, 'typed.ts'), 'utf8'), typed);
    assert.match(result.stdout, /^typed\.ts\n +4 {2}refused {4}fetchUser: unknown-api \(.+\)$/m);
  });

  it('--defer-sync-callbacks converts a function that checks its argument at once, and the report names the line', async () => {
    const sub = path.join(dir, 'zalgo');
    fs.mkdirSync(sub);
    const source = [
      'function parse(text, cb) {',
      "  if (text === '') return cb(new Error('empty'));",
      '  setImmediate(() => cb(null, text.length));',
      '}',
      "parse('abc', (err, n) => {",
      '  if (err) throw err;',
      '  console.log(n);',
      '});',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(sub, 'parse.js'), source);
    const strict = await run(sub, '--convert', '--dry-run', '.');
    assert.match(strict.stdout, /^ +parse\.js:1 {2}refused {4}parse: contract-breach \(calls `cb` synchronously at line 2, before anything asynchronous\)$/m);
    const deferred = await run(sub, '--convert', '--defer-sync-callbacks', '--dry-run', '.');
    assert.equal(deferred.code, 0);
    assert.match(deferred.stdout, /^ +parse\.js:1 {2}converted {2}parse: now async; it called back synchronously \(line 2\): now a tick later$/m);
  });

  it('rejects --dry-run without --convert, and --convert with --fix', async () => {
    const dryRun = await run(dir, '--dry-run');
    assert.equal(dryRun.code, 2);
    assert.match(dryRun.stderr, /--dry-run goes with --convert/);
    const both = await run(dir, '--convert', '--fix');
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--convert and --fix are separate runs/);
    const defer = await run(dir, '--defer-sync-callbacks');
    assert.equal(defer.code, 2);
    assert.match(defer.stderr, /--defer-sync-callbacks goes with --convert/);
  });
});
