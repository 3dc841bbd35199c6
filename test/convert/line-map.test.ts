import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { convertProgramTexts } from '../../rules/convert/convert-program';
import { convertFileText } from '../../rules/convert/convert-file';
import { lineMap } from '../../rules/convert/text/line-map';

const PROGRAMS = path.join(__dirname, '..', '..', '..', 'test', 'convert', 'contract-programs');

describe('report lines name the text the user gave', () => {
  it('lineMap: kept lines (re-indented too) map to themselves, inserted ones to the line they precede, replaced ones to the first line replaced', () => {
    const of = lineMap('a\n  b\nc\nd\n', 'x\na\nb\ny\nz\nd\n');
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(of), [1, 1, 2, 3, 3, 4]);
    assert.deepEqual([1, 2, 3].map(lineMap('same\ntext\n', 'same\ntext\n')), [1, 2, 3]);
  });

  it('a top-level pyramid wrapped in main(): the call is reported at its own line, not the wrapper\'s', () => {
    const file = path.join(PROGRAMS, 'top-level-pyramid-exit-code.js');
    const source = fs.readFileSync(file, 'utf8');
    const result = convertProgramTexts(new Map([[file, source]]));
    const entries = (result.reports.get(file) ?? []).map((entry) => `${entry.line} ${entry.outcome} ${entry.callee}`);
    assert.deepEqual(entries, ['11 converted step']);
    assert.match(source.split('\n')[10] ?? '', /^step\('one'/);
  });

  it('a caller in a file whose functions were converted first: the line before those edits', () => {
    const clean = path.join(PROGRAMS, 'clean-oldest', 'clean.js');
    const main = path.join(PROGRAMS, 'clean-oldest', 'main.js');
    const texts = new Map([clean, main].map((file) => [file, fs.readFileSync(file, 'utf8')]));
    const result = convertProgramTexts(texts, { api: 'promise' });
    const entries = (result.reports.get(main) ?? []).filter((entry) => entry.callee === 'cleanOldest').map((entry) => entry.line);
    assert.ok(entries.length > 0);
    for (const line of entries) assert.match(texts.get(main)?.split('\n')[line - 1] ?? '', /cleanOldest\(/);
  });

  it('a call converted in a later pass (after the pass before it moved the lines) keeps its own line', () => {
    const source = [
      "const fs = require('fs');",
      'function a() {',
      "  fs.readFile('x', (err, data) => {",
      '    if (err) throw err;',
      '    console.log(data.length);',
      '  });',
      '}',
      'function b() {',
      "  fs.readFile('y', (err, data) => {",
      '    if (err) throw err;',
      '    console.log(data.length + 1);',
      '  });',
      '}',
      'a();',
      'b();',
      '',
    ].join('\n');
    const result = convertFileText(source, 'two.js');
    // One `readFile` import per pass: the second call converts after the first pass added the import line.
    assert.deepEqual(result.report.map((entry) => `${entry.line} ${entry.callee}`).sort(), ['3 fs.readFile', '9 fs.readFile']);
    assert.match(result.text, /^const fs = require\('fs'\);\nconst \{ readFile \} = require\('node:fs\/promises'\);\n/);
  });
});
