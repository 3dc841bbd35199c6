import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { minifiedBundle, ODD_INPUTS, pyramid, RECURSIVE_GENERIC, TYPED_WITNESS, WITNESS, type OddInput } from './odd-inputs';

/**
 * The real CLI, in a child process at Node's default stack (no
 * `--stack-size`, no worker with a larger one): an input that aborts V8
 * shows here as a signal or exit code 134, which no in-process test can see.
 */
const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'async-guard.js');

function runCli(cwd: string, args: readonly string[]): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

function write(dir: string, inputs: readonly OddInput[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const input of inputs) fs.writeFileSync(path.join(dir, input.name), input.text);
}

function assertSurvived(label: string, run: ReturnType<typeof runCli>): void {
  assert.equal(run.signal, null, `${label}: killed by ${run.signal ?? ''}\n${run.stderr.slice(0, 2000)}`);
  assert.ok(run.status === 0 || run.status === 1, `${label}: exit ${run.status ?? ''}\n${run.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(run.stderr, /FATAL ERROR|internal error/, label);
}

describe('inputs that once killed a run, at the default stack (CLI child process)', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-crash-inputs-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lints or skips with one line each: pyramids 300, 500, 3,000 deep, a 2 MB bundle and odd shapes; the other findings stay', () => {
    const project = path.join(dir, 'syntactic');
    const inputs = [pyramid(300), pyramid(500), pyramid(3000), minifiedBundle(2 * 1024 * 1024), ...ODD_INPUTS, WITNESS];
    write(project, inputs);
    const run = runCli(project, ['--max-file-size', String(8 * 1024 * 1024), '.']);
    assertSurvived('syntactic', run);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /witness\.js\n\s+2:\d+\s+warning\s+The error `err`/);
    // Every file is either linted or named once on stderr.
    const notices = run.stderr.split('\n').filter((line) => line.startsWith('async-guard: ') && line.includes(': ') && !line.includes('problem'));
    for (const name of ['pyramid-3000.js', 'nested-arrays.js', 'binary-chain.js']) {
      assert.equal(notices.filter((line) => line.includes(`${name}:`)).length, 1, `one notice for ${name}\n${run.stderr}`);
    }
  });

  it('type-aware: the recursive generic does not end the run, the other file is still reported', () => {
    const project = path.join(dir, 'typed');
    write(project, [RECURSIVE_GENERIC, TYPED_WITNESS, ODD_INPUTS.find((input) => input.name === 'recursive-types.ts') as OddInput]);
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'commonjs', noEmit: true }, include: ['*.ts'] }));
    const run = runCli(project, ['--type-aware', '.']);
    assertSurvived('type-aware', run);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /witness\.ts\n\s+2:31\s+warning/);
  });
});
