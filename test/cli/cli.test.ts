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

async function run(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const BLOCKING = "const fs = require('fs');\nasync function load() {\n  return fs.readFileSync('x');\n}\nmodule.exports = load;\n";
const CLEAN = "const fs = require('fs');\nconst config = fs.readFileSync('x');\nmodule.exports = config;\n";

describe('async-guard CLI', () => {
  const created: string[] = [];
  const make = (files: Record<string, string | Buffer>): string => {
    const dir = workspace(files);
    created.push(dir);
    return dir;
  };
  after(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('exits 0 and says so when there is nothing to report', async () => {
    const dir = make({ 'clean.js': CLEAN });
    const result = await run(dir);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /no problems found in 1 file\(s\)/);
  });

  it('exits 1 and prints findings in the stylish format', async () => {
    const dir = make({ 'src/load.js': BLOCKING, 'clean.js': CLEAN });
    const result = await run(dir, '.');
    assert.equal(result.code, 1);
    assert.match(result.stdout, /src[/\\]load\.js/);
    assert.match(result.stdout, /3:10 +warning +`fs\.readFileSync` blocks the event loop inside async function 'load'/);
    assert.match(result.stdout, /async-guard\/no-sync-in-async/);
  });

  it('lints TypeScript, JSX and module files without any eslint.config', async () => {
    const code = "import fs from 'node:fs';\nexport const f = async (): Promise<Buffer> => fs.readFileSync('x');\n";
    const dir = make({ 'a.ts': code, 'b.mts': code, 'c.tsx': code.replace('Buffer', 'Buffer ') + 'export const el = <div />;\n', 'd.mjs': code.replace(': Promise<Buffer>', '') });
    const result = await run(dir, '--format', 'json');
    assert.equal(result.code, 1);
    const parsed = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.deepEqual(
      parsed.map((file) => [path.basename(file.filePath), file.messages.map((message) => message.ruleId)]),
      [
        ['a.ts', ['async-guard/no-sync-in-async']],
        ['b.mts', ['async-guard/no-sync-in-async']],
        ['c.tsx', ['async-guard/no-sync-in-async']],
        ['d.mjs', ['async-guard/no-sync-in-async']],
      ],
    );
  });

  it('reports a missing path in one line, lints the rest, and exits 2', async () => {
    const dir = make({ 'load.js': BLOCKING });
    const result = await run(dir, 'missing.js', 'load.js');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^async-guard: missing\.js: no such file or directory$/m);
    assert.match(result.stdout, /no-sync-in-async/);
  });

  it('skips syntax errors and binary files with one line each, no stack trace', async () => {
    const dir = make({
      'broken.js': 'async function f() {\n  fs.readFileSync(\n',
      'binary.js': Buffer.from([0, 1, 2, 3, 0, 255]),
      'load.js': BLOCKING,
    });
    const result = await run(dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^async-guard: binary\.js: binary file, not JavaScript or TypeScript: skipped$/m);
    assert.match(result.stderr, /^async-guard: broken\.js:\d+:\d+: Parsing error: .+ \(file skipped\)$/m);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.match(result.stdout, /load\.js/);
  });

  it('lints a file and a folder outside the directory it runs in', async () => {
    const elsewhere = make({ 'file.js': BLOCKING, 'lib/other.js': BLOCKING });
    const here = make({ 'README.md': '# here\n' });
    const result = await run(here, path.join(elsewhere, 'file.js'), path.join(elsewhere, 'lib'));
    assert.equal(result.code, 1, result.stderr);
    assert.doesNotMatch(result.stderr, /skipped/);
    assert.match(result.stdout, /file\.js\n +3:10 +warning +`fs\.readFileSync` blocks/);
    assert.match(result.stdout, /other\.js\n +3:10 +warning +`fs\.readFileSync` blocks/);
  });

  it('rejects an unknown option or format with usage and exit 2', async () => {
    const dir = make({});
    const unknown = await run(dir, '--frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Usage: async-guard/);
    const format = await run(dir, '--format', 'xml');
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown format 'xml': use one of stylish, json/);
    const api = await run(dir, '--convert', '--dry-run', '--api', 'both', '.');
    assert.equal(api.code, 2);
    assert.match(api.stderr, /unknown --api 'both': use callback, promise or dual/);
  });

  it('prints help and version', async () => {
    const dir = make({});
    const help = await run(dir, '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--type-aware/);
    assert.match(help.stdout, /--api <callback\|promise\|dual>/);
    const version = await run(dir, '--version');
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('uses types with --type-aware and falls back for files outside every tsconfig', async () => {
    const typeRoots = path.join(__dirname, '..', '..', '..', 'node_modules', '@types');
    const dir = make({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'node16', typeRoots: [typeRoots], types: ['node'], skipLibCheck: true }, include: ['src'] }),
      // Only the checker can see that `io` is the fs module.
      'src/typed.ts': "export async function load(io: typeof import('fs')) {\n  return io.readFileSync('x');\n}\n",
      'outside.js': BLOCKING,
    });
    const withoutTypes = await run(dir);
    assert.doesNotMatch(withoutTypes.stdout, /typed\.ts/);
    const result = await run(dir, '--type-aware');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /1 file\(s\) outside every tsconfig\.json: linted without type information/);
    assert.match(result.stdout, /outside\.js/);
    assert.match(result.stdout, /typed\.ts\n\s+2:10 +warning +`fs\.readFileSync` blocks/);
  });
});
