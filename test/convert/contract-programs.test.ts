/**
 * The contract-level conversion (issue 13) on whole programs, through the CLI.
 *
 * Each entry of test/convert/contract-programs/ is one program: a file
 * `name.js` / `name.mjs`, or a folder `name/` run as `node main.js` from the
 * folder (siblings required relatively, maybe a package.json whose `main`
 * makes a module public API). The entry's first lines say what to expect:
 *
 *   // expect: converted                       // expect: refused <reason words>
 *   // contracts: getUser, loadProfile         // keeps: getCached
 *   // api: promise                            (optional: the CLI's --api)
 *
 * For every program, always: a copy is run with node, converted in place
 * with `node bin/async-guard.js --convert <name>` (exit code 0), every file
 * still parses, no comment is lost, and the converted copy prints the same
 * stdout, exits with the same code and has the same stderr shape
 * (run-programs.ts). `keeps:` functions (refused) still take their callback.
 *
 * The conversion check, gated by test/convert/contract-programs/PENDING (one
 * program name a line, `#` comments): an `expect: converted` program has
 * fewer callbacks after than before (callback-count.ts says what a callback
 * is), each `contracts:` function exists without its callback parameter, and
 * at most one `catch (e) { return cb(e); }` is left per file that exports.
 * A program named in PENDING is expected NOT to pass that check yet; once it
 * passes, the test fails until its name is removed from PENDING. The line
 * `total-80-percent` in PENDING gates the target the same way:
 * at least 80 % of the callbacks of all conversion programs (these and
 * test/convert/programs/) removed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CALLBACK_NAME, countCallbacks, countTargets, removedLine, sourceFiles, type FileCount, type NamedFunction } from './callback-count';
import { copyProgram, runConvertCli } from './convert-cli';
import { runNode, stderrShape, withLimit, type RunResult } from './run-programs';

const ROOT = path.join(__dirname, '..', '..', '..');
const PROGRAMS = path.join(ROOT, 'test', 'convert', 'contract-programs');
const EXISTING_PROGRAMS = path.join(ROOT, 'test', 'convert', 'programs');
const TOTAL_TARGET = 'total-80-percent';
const MIN_PROGRAMS = 36;

interface Program {
  readonly name: string;
  /** The file node runs, relative to the program's folder. */
  readonly entry: string;
  readonly isFolder: boolean;
  readonly expect: string;
  readonly contracts: readonly string[];
  readonly keeps: readonly string[];
  /** The CLI's `--api` for this program (a package whose public API may change). */
  readonly api: string | undefined;
  original?: RunResult;
  converted?: RunResult;
  cli?: RunResult;
  before?: FolderCount[];
  after?: FolderCount[];
  /** Programs with exports and no `// api:` header, converted again with `--api dual`. */
  dual?: { cli: RunResult; run: RunResult; after: FolderCount[] };
}

/** A file's count, its path relative to the program's copy, and whether it exports. */
type FolderCount = FileCount & { readonly exports: boolean };

function header(text: string, key: string): string | undefined {
  return new RegExp(`^// ${key}: (.+)$`, 'm').exec(text.split('\n').slice(0, 5).join('\n'))?.[1]?.trim();
}

function names(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((name) => name.trim()).filter((name) => name !== '');
}

function loadPrograms(): Program[] {
  return fs
    .readdirSync(PROGRAMS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || /\.m?js$/.test(entry.name))
    .map((entry) => {
      const isFolder = entry.isDirectory();
      const entryFile = isFolder ? 'main.js' : entry.name;
      const text = fs.readFileSync(path.join(PROGRAMS, entry.name, isFolder ? 'main.js' : ''), 'utf8');
      return {
        name: entry.name,
        entry: entryFile,
        isFolder,
        expect: header(text, 'expect') ?? '',
        contracts: names(header(text, 'contracts')),
        keeps: names(header(text, 'keeps')),
        api: header(text, 'api'),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function loadPending(): Set<string> {
  const text = fs.readFileSync(path.join(PROGRAMS, 'PENDING'), 'utf8');
  return new Set(text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter((line) => line !== ''));
}

function countFolder(folder: string): FolderCount[] {
  return sourceFiles(folder).map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return { ...countCallbacks(text, file), file: path.relative(folder, file), exports: /\b(?:module\.exports|exports\.\w+)\s*=/.test(text) };
  });
}

function callbackTotal(counts: readonly FileCount[]): number {
  return counts.reduce((sum, count) => sum + count.callbacks.length, 0);
}

/** Why an `expect: converted` program does not count as converted; empty when it does. */
function conversionProblems(program: Program, before: readonly FolderCount[], after: readonly FolderCount[]): string[] {
  const problems: string[] = [];
  const callbacksBefore = callbackTotal(before);
  const callbacksAfter = callbackTotal(after);
  if (callbacksAfter >= callbacksBefore) problems.push(`callbacks: ${callbacksBefore} before, ${callbacksAfter} after (not fewer)`);
  const functions = after.flatMap((count) => count.functions);
  for (const name of program.contracts) {
    const found = functions.filter((fn) => fn.name === name);
    if (found.length === 0) problems.push(`contract ${name}: no function of that name is left`);
    else if (found.every((fn) => fn.takesCallback)) problems.push(`contract ${name}: still takes its callback (${found[0]?.params.join(', ')})`);
  }
  for (const count of after) {
    if (count.forwardingCatches > (count.exports ? 1 : 0)) problems.push(`${count.file}: ${count.forwardingCatches} catch block(s) forwarding to a callback`);
  }
  return problems;
}

/** Its last parameter has a callback's name (whether it calls it or passes it on). */
function hasCallbackParam(fn: NamedFunction): boolean {
  return CALLBACK_NAME.test(fn.params.at(-1) ?? '');
}

/** Every `keeps:` function still takes its callback, with the same parameters. */
function keepProblems(program: Program, before: readonly FileCount[], after: readonly FileCount[]): string[] {
  const problems: string[] = [];
  const functionsBefore = before.flatMap((count) => count.functions);
  const functionsAfter = after.flatMap((count) => count.functions);
  for (const name of program.keeps) {
    const kept = functionsBefore.filter((fn) => fn.name === name && hasCallbackParam(fn));
    if (kept.length === 0) problems.push(`keeps ${name}: no such callback-taking function in the program (fix the header)`);
    for (const fn of kept) {
      const same = functionsAfter.some((other) => other.name === name && hasCallbackParam(other) && other.params.join() === fn.params.join());
      if (!same) problems.push(`keeps ${name}(${fn.params.join(', ')}): its callback contract changed`);
    }
  }
  return problems;
}

/** The program's converted files, for failure messages. */
function programSource(root: string): string {
  return sourceFiles(root).map((file) => `// ----- ${path.relative(root, file)}\n${fs.readFileSync(file, 'utf8')}`).join('\n');
}

describe('contract-level conversion: programs converted with the CLI run the same', function () {
  this.timeout(900_000);
  const programs = loadPrograms();
  const pending = loadPending();
  let workDir = '';
  const existing: { before: number; after: number } = { before: 0, after: 0 };

  before(async function () {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-contract-'));
    const tasks = programs.map((program) => async () => {
      const originalRoot = path.join(workDir, 'original', program.name);
      const convertedRoot = path.join(workDir, 'converted', program.name);
      const original = copyProgram(path.join(PROGRAMS, program.name), originalRoot);
      const converted = copyProgram(path.join(PROGRAMS, program.name), convertedRoot);
      const runFrom = (copy: string): string => (program.isFolder ? copy : path.dirname(copy));
      program.original = await runNode(program.entry, runFrom(original));
      program.cli = await runConvertCli(convertedRoot, program.name, program.api === undefined ? [] : ['--api', program.api]);
      program.converted = await runNode(program.entry, runFrom(converted));
      program.before = countFolder(originalRoot);
      program.after = countFolder(convertedRoot);
      if (program.api === undefined && program.before.some((count) => count.exports)) {
        const dualRoot = copyProgram(path.join(PROGRAMS, program.name), path.join(workDir, 'dual', program.name));
        const cli = await runConvertCli(path.join(workDir, 'dual', program.name), program.name, ['--api', 'dual']);
        program.dual = { cli, run: await runNode(program.entry, runFrom(dualRoot)), after: countFolder(path.join(workDir, 'dual', program.name)) };
      }
    });
    const existingTask = async (): Promise<void> => {
      const root = path.join(workDir, 'existing');
      copyProgram(EXISTING_PROGRAMS, root);
      existing.before = countTargets([path.join(root, 'programs')]).totals.callbacks;
      await runConvertCli(root, 'programs');
      existing.after = countTargets([path.join(root, 'programs')]).totals.callbacks;
    };
    await withLimit([existingTask, ...tasks], 2);
  });

  after(() => {
    if (workDir !== '') fs.rmSync(workDir, { recursive: true, force: true });
  });

  it(`has at least ${MIN_PROGRAMS} programs, converted and refused ones, each with its header`, () => {
    assert.ok(programs.length >= MIN_PROGRAMS, `${programs.length} programs`);
    for (const program of programs) {
      assert.match(program.expect, /^(?:converted|refused .+)$/, `${program.name}: first line // expect: converted | refused <reason>`);
      if (program.expect === 'converted') assert.ok(program.contracts.length > 0, `${program.name}: a // contracts: line`);
      else assert.ok(program.keeps.length > 0, `${program.name}: a // keeps: line`);
    }
    assert.ok(programs.filter((program) => program.expect.startsWith('refused')).length >= 6);
  });

  it('PENDING names only programs that exist and are expected to convert', () => {
    for (const name of pending) {
      if (name === TOTAL_TARGET) continue;
      const program = programs.find((candidate) => candidate.name === name);
      assert.ok(program !== undefined && program.expect === 'converted', `PENDING: ${name} is not an \`expect: converted\` program`);
    }
  });

  for (const program of programs) {
    it(program.name, () => {
      const before = program.before ?? [];
      const after = program.after ?? [];
      const cli = program.cli as RunResult;
      const source = programSource(path.join(workDir, 'converted', program.name));
      assert.equal(cli.code, 0, `async-guard --convert exit code\n${cli.stdout}\n${cli.stderr}`);
      for (const count of after) {
        assert.equal(count.parseError, undefined, `${count.file} parses after conversion:\n${source}`);
        const comments = [...(before.find((other) => other.file === count.file)?.comments ?? [])].sort();
        assert.deepEqual([...count.comments].sort(), comments, `${count.file} keeps every comment`);
      }
      const original = program.original as RunResult;
      const converted = program.converted as RunResult;
      assert.deepEqual(
        { stdout: converted.stdout, code: converted.code, stderr: stderrShape(converted.stderr) },
        { stdout: original.stdout, code: original.code, stderr: stderrShape(original.stderr) },
        `converted program:\n${source}\nstderr before:\n${original.stderr}\nstderr after:\n${converted.stderr}`,
      );
      if (program.expect === 'converted') {
        const problems = conversionProblems(program, before, after);
        if (pending.has(program.name)) {
          assert.notDeepEqual(problems, [], `${program.name} now converts: remove it from test/convert/contract-programs/PENDING`);
        } else {
          assert.deepEqual(problems, [], `${program.name} converts\n${cli.stdout}\n${source}`);
        }
      } else {
        assert.deepEqual(keepProblems(program, before, after), [], `${program.name} is refused\n${cli.stdout}\n${source}`);
      }
    });
  }

  it('with --api dual, every program with exports runs the same too', () => {
    const dual = programs.filter((program) => program.dual !== undefined);
    assert.ok(dual.length >= 5, `${dual.length} programs with exports`);
    for (const program of dual) {
      const { cli, run, after } = program.dual as NonNullable<Program['dual']>;
      const original = program.original as RunResult;
      const source = programSource(path.join(workDir, 'dual', program.name));
      assert.equal(cli.code, 0, `${program.name}: async-guard --convert --api dual exit code\n${cli.stdout}\n${cli.stderr}`);
      for (const count of after) assert.equal(count.parseError, undefined, `${program.name}: ${count.file} parses after conversion:\n${source}`);
      assert.deepEqual(
        { stdout: run.stdout, code: run.code, stderr: stderrShape(run.stderr) },
        { stdout: original.stdout, code: original.code, stderr: stderrShape(original.stderr) },
        `${program.name} converted with --api dual:\n${source}\nstderr before:\n${original.stderr}\nstderr after:\n${run.stderr}`,
      );
    }
  });

  it('removes callbacks over all conversion programs (target: 80 %)', () => {
    const mineBefore = programs.reduce((sum, program) => sum + callbackTotal(program.before ?? []), 0);
    const mineAfter = programs.reduce((sum, program) => sum + callbackTotal(program.after ?? []), 0);
    const totalBefore = mineBefore + existing.before;
    const totalAfter = mineAfter + existing.after;
    console.log(`      contract-programs: ${removedLine(mineBefore, mineAfter)}`);
    console.log(`      programs:          ${removedLine(existing.before, existing.after)}`);
    console.log(`      all:               ${removedLine(totalBefore, totalAfter)}`);
    const reached = totalBefore > 0 && (totalBefore - totalAfter) / totalBefore >= 0.8;
    if (pending.has(TOTAL_TARGET)) {
      assert.ok(!reached, `the 80 % target is reached: remove ${TOTAL_TARGET} from test/convert/contract-programs/PENDING`);
    } else {
      assert.ok(reached, removedLine(totalBefore, totalAfter));
    }
  });
});
