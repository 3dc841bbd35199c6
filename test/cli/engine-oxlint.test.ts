import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findOxlint, isSupportedVersion, OxlintMissingError } from '../../cli/oxlint/find-oxlint';
import { main, type CliIo } from '../../cli/main';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const BLOCKING = "const fs = require('fs');\nasync function load() {\n  return fs.readFileSync('x');\n}\nmodule.exports = load;\n";
const CLEAN = "const fs = require('fs');\nconst config = fs.readFileSync('x');\nmodule.exports = config;\n";
// Columns after non-ASCII text on the same line (oxlint counts UTF-8 bytes, ESLint UTF-16 units), and a CRLF line end.
const FLOATING = "async function save() {}\nconst label = 'é😀'; save();\r\nfetch(label);\n";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; severity: number }[];
}

const essentials = (stdout: string): unknown =>
  (JSON.parse(stdout) as JsonResult[]).map((result) => [path.basename(result.filePath), result.messages.map(({ ruleId, line, column, message, severity }) => ({ ruleId, line, column, message, severity }))]);

describe('async-guard --engine oxlint', function () {
  this.timeout(120_000);
  const created: string[] = [];
  const make = (files: Record<string, string | Buffer>): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-engine-'));
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    created.push(dir);
    return dir;
  };
  after(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('prints what the ESLint engine prints, in the stylish and json formats, with the same exit code', async () => {
    const dir = make({ 'src/load.js': BLOCKING, 'clean.js': CLEAN, 'floating.ts': FLOATING });
    const eslint = await run(dir);
    const oxlint = await run(dir, '--engine', 'oxlint');
    assert.equal(oxlint.code, 1);
    assert.equal(oxlint.code, eslint.code);
    assert.equal(oxlint.stdout, eslint.stdout);
    assert.match(oxlint.stdout, /2:22 +warning +This promise is neither awaited/);
    assert.match(oxlint.stdout, /3:1 +warning +This promise is neither awaited/);
    const eslintJson = await run(dir, '--format', 'json');
    const oxlintJson = await run(dir, '--format', 'json', '--engine', 'oxlint');
    assert.deepEqual(essentials(oxlintJson.stdout), essentials(eslintJson.stdout));
  });

  it('exits 0 on clean code and honours --max-warnings', async () => {
    const dir = make({ 'clean.js': CLEAN, 'load.js': BLOCKING });
    const clean = await run(dir, '--engine', 'oxlint', 'clean.js');
    assert.equal(clean.code, 0);
    assert.match(clean.stderr, /no problems found in 1 file\(s\)/);
    assert.equal((await run(dir, '--engine', 'oxlint', '--max-warnings', '1')).code, 0);
    assert.equal((await run(dir, '--engine', 'oxlint', '--max-warnings', '0')).code, 1);
  });

  it('tells a missing path, a syntax error and a binary file in one line each', async () => {
    const dir = make({ 'broken.js': 'async function f() {\n  fs.readFileSync(\n', 'binary.js': Buffer.from([0, 1, 2, 3, 0, 255]), 'load.js': BLOCKING });
    const result = await run(dir, '--engine', 'oxlint', '.', 'missing.js');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^async-guard: missing\.js: no such file or directory$/m);
    assert.match(result.stderr, /^async-guard: broken\.js:\d+:\d+: Parsing error: .+ \(file skipped\)$/m);
    assert.match(result.stderr, /^async-guard: binary\.js: binary file, not JavaScript or TypeScript: skipped$/m);
    assert.match(result.stdout, /load\.js/);
  });

  it('refuses what oxlint cannot do with a usage error', async () => {
    const dir = make({});
    for (const [option, reason] of [
      ['--type-aware', /--type-aware needs --engine eslint/],
      ['--cache', /--cache needs --engine eslint/],
      ['--convert', /--convert runs in async-guard itself/],
    ] as const) {
      const result = await run(dir, '--engine', 'oxlint', option);
      assert.equal(result.code, 2);
      assert.match(result.stderr, reason);
    }
    const unknown = await run(dir, '--engine', 'biome');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown engine 'biome': use one of eslint, oxlint/);
  });

  it('says how to install oxlint when it is missing or too old', () => {
    const dir = make({});
    assert.throws(() => findOxlint(dir, 'oxlint-not-installed'), (error: unknown) => error instanceof OxlintMissingError && /npm install --save-dev oxlint/.test(error.message));
    assert.equal(isSupportedVersion('1.49.9'), false);
    assert.equal(isSupportedVersion('1.50.0'), true);
    assert.equal(isSupportedVersion('1.96.0'), true);
    assert.equal(isSupportedVersion('2.0.0'), false);
    const old = make({ 'node_modules/oxlint/package.json': JSON.stringify({ name: 'oxlint', version: '1.20.0', bin: { oxlint: 'bin/oxlint' } }) });
    assert.throws(() => findOxlint(old), /needs oxlint 1\.50\.0 or a later 1\.x, found 1\.20\.0/);
  });
});
