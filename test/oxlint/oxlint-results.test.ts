import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toLintResults } from '../../cli/oxlint/oxlint-results';

describe('oxlint results as ESLint results', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-oxlint-results-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('turns UTF-8 byte offsets into lines and UTF-16 columns, past CRLF, U+2028 and astral characters', () => {
    const text = "a\r\nconst s = 'é😀'; f();\u2028g();\n";
    fs.writeFileSync(path.join(dir, 'a.js'), text);
    const byteOffset = (index: number): number => Buffer.byteLength(text.slice(0, index));
    const f = text.indexOf('f()');
    const g = text.indexOf('g()');
    const report = {
      diagnostics: [
        { message: 'second', code: 'async-guard(no-floating-promise)', severity: 'warning' as const, filename: 'a.js', labels: [{ span: { offset: byteOffset(g), length: 3 } }] },
        { message: 'first', code: 'async-guard(no-floating-promise)', severity: 'error' as const, filename: 'a.js', labels: [{ span: { offset: byteOffset(f), length: Buffer.byteLength('f()') } }] },
        { message: 'Unexpected token', severity: 'error' as const, filename: 'b.js', labels: [{ span: { offset: 0, length: 0 } }] },
      ],
    };
    fs.writeFileSync(path.join(dir, 'b.js'), '(');
    const [a, b, c] = toLintResults(report, ['a.js', 'b.js', 'c.js'], dir);
    assert.deepEqual(
      a?.messages.map(({ ruleId, line, column, endLine, endColumn, message, severity }) => ({ ruleId, line, column, endLine, endColumn, message, severity })),
      [
        { ruleId: 'async-guard/no-floating-promise', line: 2, column: 18, endLine: 2, endColumn: 21, message: 'first', severity: 2 },
        { ruleId: 'async-guard/no-floating-promise', line: 3, column: 1, endLine: 3, endColumn: 4, message: 'second', severity: 1 },
      ],
    );
    assert.deepEqual([a?.errorCount, a?.warningCount], [1, 1]);
    assert.deepEqual(b?.messages.map(({ fatal, message, ruleId }) => ({ fatal, message, ruleId })), [{ fatal: true, message: 'Parsing error: Unexpected token', ruleId: null }]);
    assert.deepEqual(c?.messages, []);
  });
});
