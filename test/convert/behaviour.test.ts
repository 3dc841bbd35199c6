import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { convertFileText, type FileConversion } from '../../rules/convert';
import { runNode, stderrShape, withLimit, type RunResult } from './run-programs';

const PROGRAMS = path.join(__dirname, '..', '..', '..', 'test', 'convert', 'programs');

interface Program {
  readonly name: string;
  readonly source: string;
  /** `converted`, or `refused <reason>` (other calls of the file may still convert). */
  readonly expect: string;
  conversion?: FileConversion;
  original?: RunResult;
  converted?: RunResult;
}

function parses(text: string, filename: string): boolean {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(text, [{ files: ['**/*'], languageOptions: { parser: tsParser } }], { filename });
  return !messages.some((message) => message.fatal === true);
}

describe('conversion behaviour: programs run the same before and after', function () {
  this.timeout(120_000);
  const programs: Program[] = fs
    .readdirSync(PROGRAMS)
    .filter((name) => /\.m?js$/.test(name))
    .sort()
    .map((name) => {
      const source = fs.readFileSync(path.join(PROGRAMS, name), 'utf8');
      return { name, source, expect: /^\/\/ expect: (.+)$/m.exec(source)?.[1] ?? '' };
    });
  let workDir = '';

  before(async function () {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-convert-'));
    fs.mkdirSync(path.join(workDir, 'original'));
    fs.mkdirSync(path.join(workDir, 'converted'));
    for (const program of programs) {
      program.conversion = convertFileText(program.source, program.name);
      fs.writeFileSync(path.join(workDir, 'original', program.name), program.source);
      fs.writeFileSync(path.join(workDir, 'converted', program.name), program.conversion.text);
    }
    const tasks = programs.flatMap((program) => [
      async () => { program.original = await runNode(program.name, path.join(workDir, 'original')); },
      async () => { program.converted = await runNode(program.name, path.join(workDir, 'converted')); },
    ]);
    await withLimit(tasks, 2);
  });

  after(() => {
    if (workDir !== '') fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('has at least 40 programs that convert', () => {
    assert.ok(programs.filter((program) => program.expect === 'converted').length >= 40);
  });

  for (const program of programs) {
    it(program.name, () => {
      const conversion = program.conversion;
      assert.ok(conversion !== undefined && conversion.parseError === undefined, 'the program parses');
      assert.ok(parses(conversion.text, program.name), `the converted text parses:\n${conversion.text}`);
      if (program.expect === 'converted') {
        assert.notEqual(conversion.text, program.source, 'something was converted');
        assert.ok(!/\(err(or)?\)\s*=>|function \(err/.test(conversion.text), `no error-first callback is left:\n${conversion.text}`);
      } else {
        const reason = program.expect.replace(/^refused /, '');
        assert.ok(
          conversion.report.some((entry) => entry.outcome === 'refused' && entry.reason === reason),
          `refused for ${reason}: ${JSON.stringify(conversion.report)}`,
        );
      }
      const before = program.original as RunResult;
      const after = program.converted as RunResult;
      assert.deepEqual(
        { stdout: after.stdout, code: after.code, stderr: stderrShape(after.stderr) },
        { stdout: before.stdout, code: before.code, stderr: stderrShape(before.stderr) },
        `converted program:\n${conversion.text}\nstderr before:\n${before.stderr}\nstderr after:\n${after.stderr}`,
      );
    });
  }
});
