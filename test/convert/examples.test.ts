import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertFileText } from '../../rules/convert';
import { runNode, stderrShape } from './run-programs';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const RUNNABLE = ['file-server/server.js', 'job-runner/runner.js', 'db-layer/db.js'];

describe('conversion of examples/: the converted examples run the same', function () {
  this.timeout(120_000);
  let workDir = '';

  before(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-examples-'));
    fs.cpSync(EXAMPLES, path.join(workDir, 'original'), { recursive: true });
    fs.cpSync(EXAMPLES, path.join(workDir, 'converted'), { recursive: true });
  });

  after(() => {
    if (workDir !== '') fs.rmSync(workDir, { recursive: true, force: true });
  });

  for (const example of RUNNABLE) {
    it(`${example}: converts, and prints the same`, async () => {
      const convertedFile = path.join(workDir, 'converted', example);
      const conversion = convertFileText(fs.readFileSync(convertedFile, 'utf8'), convertedFile);
      assert.equal(conversion.parseError, undefined);
      assert.ok(
        conversion.report.some((entry) => entry.outcome === 'converted'),
        `nothing converted in ${example}`,
      );
      assert.notEqual(conversion.text, fs.readFileSync(convertedFile, 'utf8'));
      fs.writeFileSync(convertedFile, conversion.text);
      const before = await runNode(path.basename(example), path.join(workDir, 'original', path.dirname(example)));
      const after = await runNode(path.basename(example), path.join(workDir, 'converted', path.dirname(example)));
      assert.equal(before.code, 0, before.stderr);
      assert.equal(after.code, before.code, after.stderr);
      assert.equal(after.stdout, before.stdout);
      assert.deepEqual(stderrShape(after.stderr), stderrShape(before.stderr));
    });
  }
});
