import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertFileText } from '../../rules/convert';

const LATER = "function later() {\n  setTimeout(() => {\n    console.log('later');\n  }, 5);\n}\nlater();\n";
const CONVERTED = "async function later() {\n  await setTimeoutAsync(5);\n  console.log('later');\n}\nlater();\n";
const REQUIRE_TIMERS = "const { setTimeout: setTimeoutAsync } = require('node:timers/promises');\n";

function reasons(text: string, filename: string): string[] {
  return convertFileText(text, filename).report.map((entry) => entry.reason ?? entry.outcome);
}

// docs/conversion.md, refusal `not-node`: Node.js evidence besides an imported built-in.
describe('conversion: which files run on Node.js (not-node)', () => {
  let root = '';
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-node-file-'));
    fs.mkdirSync(path.join(root, 'server', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(root, 'server', 'package.json'), JSON.stringify({ name: 'server', engines: { node: '>=18' } }));
    fs.mkdirSync(path.join(root, 'web'), { recursive: true });
    fs.writeFileSync(path.join(root, 'web', 'package.json'), JSON.stringify({ name: 'web' }));
    fs.mkdirSync(path.join(root, 'web', 'inner'), { recursive: true });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('refuses a file with no sign of Node.js', () => {
    assert.deepEqual(reasons(LATER, 'plain.js'), ['not-node']);
  });

  for (const [what, line] of [
    ['process', 'process.exitCode = 0;\n'],
    ['setImmediate', 'setImmediate(() => {});\n'],
    ['require', "const helper = require('./helper');\n"],
    ['module', 'module.exports.name = 1;\n'],
    ['exports', 'exports.name = 1;\n'],
    ['__dirname', 'console.log(__dirname);\n'],
  ] as const) {
    it(`converts when the file uses \`${what}\``, () => {
      // A `require` comes first: the new one is added after it.
      const text = what === 'require' ? line + LATER : LATER + line;
      const expected = what === 'require' ? line + REQUIRE_TIMERS + CONVERTED : REQUIRE_TIMERS + CONVERTED + line;
      assert.equal(convertFileText(text, 'node.js').text, expected);
    });
  }

  it('converts a module importing `node:` built-ins', () => {
    const text = `import { EOL } from 'node:os';\n${LATER}console.log(EOL.length);\n`;
    assert.equal(
      convertFileText(text, 'main.mjs').text,
      `import { EOL } from 'node:os';\nimport { setTimeout as setTimeoutAsync } from 'node:timers/promises';\n${CONVERTED}console.log(EOL.length);\n`,
    );
  });

  it('does not count a global the file declares itself', () => {
    assert.deepEqual(reasons(`const process = { exitCode: 0 };\n${LATER}`, 'own.js'), ['not-node']);
  });

  it('does not count Node.js globals in a file that checks where it runs', () => {
    assert.deepEqual(reasons(`const onServer = typeof window === 'undefined';\n${LATER}process.exitCode = onServer ? 0 : 1;\n`, 'portable.js'), ['not-node']);
    assert.deepEqual(reasons(`if (typeof module !== 'undefined') module.exports.name = 1;\n${LATER}`, 'umd.js'), ['not-node']);
  });

  it('converts a file whose nearest package.json declares engines.node', () => {
    const file = path.join(root, 'server', 'lib', 'timer.js');
    assert.equal(convertFileText(LATER, file).text, `${REQUIRE_TIMERS}${CONVERTED}`);
  });

  it('refuses when the nearest package.json has no engines.node, even if one further up has', () => {
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'root', engines: { node: '>=18' } }));
    assert.deepEqual(reasons(LATER, path.join(root, 'web', 'inner', 'timer.js')), ['not-node']);
  });

  it('reads no package.json for a relative or unnamed path', () => {
    assert.deepEqual(reasons(LATER, 'timer.js'), ['not-node']);
  });
});
