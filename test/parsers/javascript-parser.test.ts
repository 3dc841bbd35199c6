import * as assert from 'node:assert/strict';
import * as tsParser from '@typescript-eslint/parser';
import { javascriptParser } from '../../rules/parsers/javascript-parser';

/** acorn (under espree) gives each node `start`/`end`; typescript-estree does not. */
function parsedByEspree(code: string, sourceType: 'module' | 'commonjs' = 'module'): boolean {
  const { ast } = javascriptParser.parseForESLint(code, { sourceType, ecmaFeatures: { jsx: true } });
  return 'start' in ast;
}

describe('javascriptParser', () => {
  it('reads plain JavaScript, JSX and modern syntax with espree', () => {
    assert.equal(parsedByEspree("const fs = require('node:fs');\nfs.readFile('a', (err, data) => {});\n"), true);
    assert.equal(parsedByEspree('export const view = () => <div className="a">{items?.length ?? 0}</div>;\n'), true);
    assert.equal(parsedByEspree('class A { static #count = 0; static { A.#count++; } }\nawait using x = f();\n'), true);
  });

  it('reads old CommonJS code that is not a valid module (legacy octal, top-level return), which typescript-eslint rejects', () => {
    const legacyOctal = "fs.mkdir('d', 0755, (err) => {});\n";
    assert.throws(() => tsParser.parseForESLint(legacyOctal, { filePath: '/x/a.js', sourceType: 'module' }), /Octal literals are not allowed/);
    assert.equal(parsedByEspree(legacyOctal), true);
    assert.equal(parsedByEspree(legacyOctal, 'commonjs'), true);
    assert.equal(parsedByEspree('if (done) return;\nmain();\n'), true);
  });

  it('keeps a .mjs file a module: no CommonJS retry', () => {
    assert.throws(() => javascriptParser.parseForESLint("fs.mkdir('d', 0755, () => {});\n", { sourceType: 'module', filePath: '/x/a.mjs' }), /Octal/);
  });

  it('falls back to typescript-eslint for TypeScript syntax in a .js file', () => {
    assert.equal(parsedByEspree('const n: number = 1;\n'), false);
  });

  it('gives typescript-eslint’s error for code neither parser reads', () => {
    assert.throws(() => javascriptParser.parseForESLint('function (', { sourceType: 'module' }), /Identifier expected|expected/i);
  });
});
