/**
 * Runs inside the VS Code extension host (code-server or desktop): the
 * `extensionTestsPath` module. ASYNC_GUARD_SUITE picks the suite.
 */
import * as path from 'node:path';
import type MochaType from 'mocha';

// mocha 12 is an ES module: required from CommonJS it is a namespace holding the class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loaded = require('mocha') as { Mocha?: typeof MochaType; default?: typeof MochaType } & typeof MochaType;
const Mocha = loaded.Mocha ?? loaded.default ?? loaded;

export function run(): Promise<void> {
  const suite = process.env.ASYNC_GUARD_SUITE ?? 'editor';
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, `${suite}.integration.js`));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
