import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertProgramTexts } from '../../rules/convert/convert-program';
import { analyseProgramFile } from '../../rules/convert/program/analyse-file';
import { fuzzCases } from './fuzz-cases';

/**
 * The contract level on odd input: fuzzed and degenerate files, a deep
 * pyramid, a minified bundle, unusual syntax, and the contract programs
 * joined into one program. Never a throw; every changed file parses and
 * keeps every comment.
 */
const PROGRAMS = path.join(__dirname, '..', '..', '..', 'test', 'convert', 'contract-programs');

function comments(text: string): string[] {
  return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((match) => match[0].trim()).sort();
}

/** With and without --defer-sync-callbacks, which lets more functions convert. */
function assertSound(inputs: ReadonlyMap<string, string>): void {
  for (const deferSyncCallbacks of [false, true]) {
    const result = convertProgramTexts(inputs, { deferSyncCallbacks });
    for (const [file, text] of result.texts) {
      const before = inputs.get(file) ?? '';
      if (text === before) continue;
      const parsed = analyseProgramFile(file, text);
      assert.ok(typeof parsed !== 'string', `${file} no longer parses${deferSyncCallbacks ? ' (--defer-sync-callbacks)' : ''}: ${typeof parsed === 'string' ? parsed : ''}`);
      const kept = comments(text);
      for (const comment of comments(before)) assert.ok(kept.includes(comment), `${file} lost the comment ${comment}`);
    }
  }
}

describe('robustness of the contract level', function () {
  this.timeout(300_000);

  it('fuzzed input, degenerate files, a deep pyramid, a minified bundle and unusual syntax: no throw, output parses, comments kept', () => {
    const cases = fuzzCases({ seed: 13, perKind: 2, pyramidDepth: 400, bundleBytes: 128 * 1024 });
    assert.ok(cases.length > 20);
    for (const fuzzCase of cases) {
      const name = /\.[cm]?[jt]sx?$/.test(fuzzCase.name) ? fuzzCase.name : `${fuzzCase.name}.js`;
      assertSound(new Map([[path.join('/virtual', name), fuzzCase.text]]));
    }
  });

  it('every contract program in one program (names shared across files): no throw, output parses, comments kept', () => {
    const inputs = new Map<string, string>();
    for (const entry of fs.readdirSync(PROGRAMS, { withFileTypes: true })) {
      const folder = entry.isDirectory() ? path.join(PROGRAMS, entry.name) : PROGRAMS;
      const names = entry.isDirectory() ? fs.readdirSync(folder) : [entry.name];
      for (const name of names) if (/\.m?js$/.test(name)) inputs.set(path.join(folder, name), fs.readFileSync(path.join(folder, name), 'utf8'));
    }
    assert.ok(inputs.size > 40);
    assertSound(inputs);
  });
});
