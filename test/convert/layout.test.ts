/**
 * Layout of converted code: a call converted while the callback around it
 * flattens is indented one step below the statement it replaces, measured
 * from the callback it stood in, not from the function made async.
 */
import * as assert from 'node:assert/strict';
import { convertFileText } from '../../rules/convert';

describe('conversion layout', () => {
  it('an expression-bodied callback inside a flattened callback becomes a try/catch indented by one step', () => {
    const source = [
      "const fs = require('fs');",
      'async function main() {',
      "  fs.stat('.', (err, st) => {",
      '    if (err) throw err;',
      '    console.log(st.size > 0);',
      "    fs.stat('/nope', (err) => console.log('error:', err.code));",
      '  });',
      '}',
      'main();',
      '',
    ].join('\n');
    assert.equal(convertFileText(source, 'main.js').text, [
      "const fs = require('fs');",
      "const { stat } = require('node:fs/promises');",
      'async function main() {',
      "  const st = await stat('.');",
      '  console.log(st.size > 0);',
      '  try {',
      "    await stat('/nope');",
      '  } catch (err) {',
      "    console.log('error:', err.code);",
      '  }',
      '}',
      'main();',
      '',
    ].join('\n'));
  });
});
