import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../cli/main';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cwd: string, argv: string[], extra: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), ...extra };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const BLOCKING = (n: number): string =>
  `const fs = require('fs');\nasync function load${n}() {\n  const a = fs.readFileSync('a${n}');\n  return [a, fs.existsSync('b')];\n}\nmodule.exports = load${n};\n`;
const CLEAN = (n: number): string => `const fs = require('fs');\nmodule.exports = function read${n}() { return fs.readFileSync('x'); };\n`;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

/** Findings as sorted `file:line:column rule message` lines: independent of result order. */
function findingLines(stdout: string, root: string): string[] {
  return (JSON.parse(stdout) as JsonResult[])
    .flatMap((result) => result.messages.map((message) => `${path.relative(root, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`))
    .sort();
}

describe('async-guard CLI on whole repositories', function () {
  this.timeout(300_000);
  const created: string[] = [];
  const make = (files: Record<string, string>): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-repo-'));
    created.push(dir);
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
  };
  after(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  /** n files in nested folders; every 7th blocks inside an async function (two findings). */
  const repository = (n: number): string => {
    const files: Record<string, string> = {};
    for (let index = 0; index < n; index++) files[`pkg${index % 10}/src/dir${index % 37}/file${index}.js`] = index % 7 === 0 ? BLOCKING(index) : CLEAN(index);
    return make(files);
  };

  it('finds the same problems in 2,000 files with --concurrency 2 as with --concurrency off', async () => {
    const dir = repository(2000);
    const serial = await run(dir, ['--format', 'json', '--concurrency', 'off']);
    const parallel = await run(dir, ['--format', 'json', '--concurrency', '2']);
    assert.equal(serial.code, 1);
    assert.equal(parallel.code, 1);
    const expected = findingLines(serial.stdout, dir);
    assert.equal(expected.length, 2 * Math.ceil(2000 / 7));
    assert.equal((JSON.parse(parallel.stdout) as JsonResult[]).length, 2000);
    assert.deepEqual(findingLines(parallel.stdout, dir), expected);
  });

  it('--concurrency auto lints like off', async () => {
    const dir = repository(60);
    const serial = await run(dir, ['--format', 'json']);
    const auto = await run(dir, ['--format', 'json', '--concurrency', 'auto']);
    assert.deepEqual(findingLines(auto.stdout, dir), findingLines(serial.stdout, dir));
  });

  it('--cache writes the cache file at --cache-location and gives the same findings from it', async () => {
    const dir = repository(30);
    const first = await run(dir, ['--format', 'json', '--cache', '--cache-location', 'cache/lint.json']);
    assert.ok(fs.existsSync(path.join(dir, 'cache', 'lint.json')));
    const second = await run(dir, ['--format', 'json', '--cache', '--cache-location', 'cache/lint.json', '--cache-strategy', 'metadata']);
    assert.deepEqual(findingLines(second.stdout, dir), findingLines(first.stdout, dir));
    // A changed file is linted again, not served from the cache.
    fs.writeFileSync(path.join(dir, 'pkg1/src/dir1/file1.js'), BLOCKING(1));
    const third = await run(dir, ['--format', 'json', '--cache', '--cache-location', 'cache/lint.json', '--cache-strategy', 'content']);
    assert.equal(findingLines(third.stdout, dir).length, findingLines(first.stdout, dir).length + 2);
  });

  it('--cache with --type-aware keeps the typed results apart from the syntactic fallback', async () => {
    const typeRoots = path.join(__dirname, '..', '..', '..', 'node_modules', '@types');
    const dir = make({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'node16', typeRoots: [typeRoots], types: ['node'], skipLibCheck: true }, include: ['src'] }),
      'src/typed.ts': "export async function load(io: typeof import('fs')) {\n  return io.readFileSync('x');\n}\n",
      'outside.js': BLOCKING(1),
    });
    const argv = ['--type-aware', '--format', 'json', '--cache', '--cache-location', 'lint-cache'];
    const first = await run(dir, argv);
    assert.ok(fs.existsSync(path.join(dir, 'lint-cache')));
    assert.ok(fs.existsSync(path.join(dir, 'lint-cache.typed')));
    const second = await run(dir, argv);
    assert.deepEqual(findingLines(second.stdout, dir), findingLines(first.stdout, dir));
    assert.equal(findingLines(first.stdout, dir).length, 3);
  });

  it('draws a progress line on a terminal for more than 200 files, and only then', async () => {
    const dir = repository(201);
    const tty = await run(dir, [], { stderrIsTTY: true });
    assert.match(tty.stderr, /\rasync-guard: 0\/201 files \(0 %\)/);
    assert.match(tty.stderr, /\rasync-guard: 201\/201 files \(100 %\)\u001b\[K\r\u001b\[K/);
    const piped = await run(dir, [], { stderrIsTTY: false });
    assert.doesNotMatch(piped.stderr, /files \(\d+ %\)/);
    const small = await run(repository(200), [], { stderrIsTTY: true });
    assert.doesNotMatch(small.stderr, /files \(\d+ %\)/);
  });

  it('--format sarif writes SARIF 2.1.0 with the rule metadata', async () => {
    const dir = make({ 'a.js': BLOCKING(1), 'b.js': CLEAN(2) });
    const result = await run(dir, ['--format', 'sarif']);
    assert.equal(result.code, 1);
    const sarif = JSON.parse(result.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const [sarifRun] = sarif.runs;
    assert.deepEqual(sarifRun?.tool.driver.rules.map((rule) => rule.id), ['async-guard/no-sync-in-async']);
    assert.match(sarifRun?.tool.driver.rules[0]?.helpUri ?? '', /no-sync-in-async/);
    assert.deepEqual(
      sarifRun?.results.map((finding) => [finding.ruleId, finding.level, finding.locations[0]?.physicalLocation.region.startLine]),
      [
        ['async-guard/no-sync-in-async', 'warning', 3],
        ['async-guard/no-sync-in-async', 'warning', 4],
      ],
    );
  });

  it('--summary prints counts and fixable counts per rule (on stderr for machine formats)', async () => {
    const dir = make({ 'a.js': BLOCKING(1), 'b.js': BLOCKING(2) });
    const stylish = await run(dir, ['--summary']);
    assert.match(stylish.stdout, /^rule +errors +warnings +fixable +with suggestions$/m);
    assert.match(stylish.stdout, /^async-guard\/no-sync-in-async +0 +4 +0 +2$/m);
    assert.match(stylish.stdout, /^total +0 +4 +0 +2$/m);
    const json = await run(dir, ['--summary', '--format', 'json']);
    assert.doesNotThrow(() => JSON.parse(json.stdout) as unknown);
    assert.match(json.stderr, /^async-guard\/no-sync-in-async +0 +4 +0 +2$/m);
  });

  it('--max-warnings N fails the run only above N warnings', async () => {
    const dir = make({ 'a.js': BLOCKING(1) });
    const within = await run(dir, ['--max-warnings', '2']);
    assert.equal(within.code, 0);
    const over = await run(dir, ['--max-warnings', '1']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /^async-guard: 2 warning\(s\), more than --max-warnings 1$/m);
    const zero = await run(make({ 'b.js': CLEAN(1) }), ['--max-warnings', '0']);
    assert.equal(zero.code, 0);
  });

  it('skips a file over --max-file-size and a minified one-liner with one notice each', async () => {
    const minified = `${'var a=1;'.repeat(4000)}async function f(){require('fs').readFileSync('x')}\n`;
    const big = `${"const fs = require('fs');\n"}${'// padding\n'.repeat(12000)}${BLOCKING(9)}`;
    const dir = make({ 'bundle.js': minified, 'big.js': big, 'a.js': BLOCKING(1) });
    const result = await run(dir, ['--max-file-size', '100']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^async-guard: bundle\.js: minified \(very long lines\): skipped$/m);
    assert.match(result.stderr, /^async-guard: big\.js: 1\d\d KiB, over the 100 KiB limit \(--max-file-size\): skipped$/m);
    assert.doesNotMatch(result.stdout, /bundle\.js|big\.js/);
    assert.match(result.stdout, /a\.js/);
    const larger = await run(dir, ['--max-file-size', '1024', '--format', 'json']);
    assert.deepEqual(
      (JSON.parse(larger.stdout) as JsonResult[]).map((file) => path.basename(file.filePath)),
      ['a.js', 'big.js'],
    );
  });

  it('walks folders like ESLint would: no node_modules, dist or .git, only JS/TS files', async () => {
    const dir = make({
      'src/a.ts': 'export const a = 1;\n',
      'src/readme.md': '# no\n',
      'node_modules/dep/index.js': BLOCKING(1),
      'dist/out.js': BLOCKING(2),
      '.git/hooks/x.js': BLOCKING(3),
      'lib/b.cjs': BLOCKING(4),
    });
    const result = await run(dir, ['--format', 'json']);
    assert.deepEqual(
      (JSON.parse(result.stdout) as JsonResult[]).map((file) => path.relative(dir, file.filePath)).sort(),
      [path.join('lib', 'b.cjs'), path.join('src', 'a.ts')],
    );
  });

  it('--files-from lints the listed paths (a CI shard) and only those', async () => {
    const dir = make({ 'a.js': BLOCKING(1), 'b.js': BLOCKING(2), 'c.js': BLOCKING(3), 'shard.txt': '# shard 1 of 2\na.js\n\nc.js\n' });
    const result = await run(dir, ['--files-from', 'shard.txt', '--format', 'json']);
    assert.equal(result.code, 1);
    assert.deepEqual((JSON.parse(result.stdout) as JsonResult[]).map((file) => path.basename(file.filePath)), ['a.js', 'c.js']);
    const missing = await run(dir, ['--files-from', 'nope.txt']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^async-guard: nope\.txt: no such file or directory \(--files-from\)$/m);
  });

  it('rejects bad values of the new options with usage and exit 2', async () => {
    const dir = make({ 'a.js': CLEAN(1) });
    for (const [argv, message] of [
      [['--concurrency', 'many'], /--concurrency needs a whole number \(1 or more\), not 'many'/],
      [['--concurrency', '0'], /--concurrency needs a whole number \(1 or more\), not '0'/],
      [['--max-warnings=-1'], /--max-warnings needs a whole number \(0 or more\), not '-1'/],
      [['--max-file-size', 'big'], /--max-file-size needs a whole number \(1 or more\), not 'big'/],
      [['--cache-strategy', 'mtime'], /unknown cache strategy 'mtime': use metadata or content/],
    ] as const) {
      const result = await run(dir, [...argv]);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message);
    }
  });
});
