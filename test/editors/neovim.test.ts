/**
 * The language server in a real Neovim (Debian's `neovim`, installed by
 * `.ci/run`), started as users start it: the package from `npm pack`,
 * installed globally into a temporary prefix and locally into a project, then
 * `async-guard-language-server --stdio` from each. Without `nvim` this FAILS:
 * an editor test that cannot run must not pass.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../server/lsp-test-client';

const SESSION = path.join(REPO_ROOT, 'test', 'editors', 'neovim-lsp-session.lua');
const FIX_TITLE = "Replace with `await readFile(…)` from 'node:fs/promises'.";
const SAMPLE = [
  "const fs = require('fs');",
  '',
  'async function load() {',
  "  return fs.readFileSync('a.txt', 'utf8');",
  '}',
  '',
  'function read(done) {',
  "  fs.readFile('b.txt', 'utf8', (err, text) => {",
  '    done(text);',
  '  });',
  '}',
  '',
  'module.exports = { load, read };',
  '',
].join('\n');
const FIXED = [
  "const fs = require('fs');",
  "const { readFile } = require('node:fs/promises');",
  '',
  'async function load() {',
  "  return await readFile('a.txt', 'utf8');",
  '}',
  '',
  'function read(done) {',
  "  fs.readFile('b.txt', 'utf8', (err, text) => {",
  '    done(text);',
  '  });',
  '}',
  '',
  'module.exports = { load, read };',
  '',
].join('\n');

interface SessionResult {
  error: string | null;
  publishes: { version: number; diagnostics: { code: string; severity: number; line: number }[] }[];
  titles: string[];
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

function neovimSession(serverCommand: string, folder: string): { result: SessionResult; text: string } {
  const file = path.join(folder, 'sample.js');
  const output = path.join(folder, 'session.json');
  fs.writeFileSync(file, SAMPLE);
  const nvim = spawnSync('nvim', ['--headless', '--clean', '-u', SESSION], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, AG_CMD: JSON.stringify([serverCommand, '--stdio']), AG_FILE: file, AG_FIX_TITLE: FIX_TITLE, AG_RESULT: output },
  });
  assert.ok(fs.existsSync(output), `Neovim wrote no result (status ${nvim.status}, signal ${nvim.signal}):\n${nvim.stdout}\n${nvim.stderr}`);
  return { result: JSON.parse(fs.readFileSync(output, 'utf8')) as SessionResult, text: fs.readFileSync(file, 'utf8') };
}

function checkSession(serverCommand: string, folder: string): void {
  const { result, text } = neovimSession(serverCommand, folder);
  assert.equal(result.error, null);
  assert.deepEqual(
    result.publishes[0]?.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.line]),
    [
      ['no-sync-in-async', 2, 3],
      // `error` from initializationOptions (Neovim 0.7 neither pushes nor answers a pull for the server).
      ['no-unchecked-callback-error', 1, 7],
    ],
  );
  // Neovim 0.7 declares no window/showDocument: no "Show documentation".
  assert.deepEqual(result.titles, [FIX_TITLE, 'Disable no-sync-in-async for this line']);
  assert.equal(text, FIXED);
  assert.deepEqual(
    result.publishes.at(-1)?.diagnostics.map((diagnostic) => diagnostic.code),
    ['no-unchecked-callback-error'],
  );
}

describe('async-guard-language-server in Neovim, installed from npm pack', function () {
  this.timeout(400_000);
  let temp: string;
  let tarball: string;

  before(function () {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (version.error !== undefined || version.status !== 0) {
      throw new Error(
        'Neovim (`nvim`) is not installed, so the editor test cannot run and FAILS: install Debian\'s package (`apt-get install -y neovim`, as .ci/run does).',
      );
    }
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-neovim-'));
    const packed = run('npm', ['pack', '--pack-destination', temp, '--json', '--ignore-scripts'], REPO_ROOT);
    const [info] = JSON.parse(packed.stdout) as { filename: string }[];
    assert.ok(info);
    tarball = path.join(temp, info.filename);
  });
  after(() => {
    if (temp !== undefined) fs.rmSync(temp, { recursive: true, force: true });
  });

  const install = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

  it('global install (npm install -g --prefix): diagnostics with their codes, the quick fix gives the exact text', () => {
    const prefix = path.join(temp, 'global');
    run('npm', ['install', '-g', '--prefix', prefix, tarball, ...install], temp);
    const command = path.join(prefix, 'bin', 'async-guard-language-server');
    assert.ok(fs.existsSync(command), `${command} not installed`);
    const folder = fs.mkdtempSync(path.join(temp, 'work-'));
    checkSession(command, folder);
  });

  it('local install (npm install in a project): the same from node_modules/.bin', () => {
    const project = path.join(temp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'neovim-user', version: '1.0.0', private: true }));
    run('npm', ['install', tarball, ...install], project);
    checkSession(path.join(project, 'node_modules', '.bin', 'async-guard-language-server'), project);
  });
});
