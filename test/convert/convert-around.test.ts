import * as assert from 'node:assert/strict';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { applyEdits, convertAround, type ConversionResult } from '../../rules/convert';

/** Runs convertAround on the call whose callee text is `callee`, returning the converted text or the refusal reason. */
function around(code: string, callee: string): string | undefined {
  let result: ConversionResult | undefined;
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'suggestion', schema: [], messages: {} },
    defaultOptions: [],
    create: (context) => ({
      CallExpression(call: TSESTree.CallExpression) {
        if (context.sourceCode.getText(call.callee) === callee) result = convertAround(context.sourceCode, call, undefined, false);
      },
    }),
  };
  const linter = new Linter({ configType: 'flat' });
  const config = {
    files: ['**/*.js'],
    languageOptions: { parser: tsParser, sourceType: 'commonjs' },
    plugins: { t: { rules: { r: rule } } },
    rules: { 't/r': 'error' },
  } as unknown as Linter.Config;
  linter.verify(code, [config], { filename: 'x.js' });
  if (result === undefined) return undefined;
  return result.kind === 'converted' ? applyEdits(code, result.edits) : result.reason;
}

const PYRAMID = `const fs = require('fs');
function copy() {
  fs.readFile('a', (err, data) => {
    if (err) throw err;
    fs.writeFile('b', data, (err) => {
      if (err) throw err;
      console.log('done');
    });
  });
}
copy();
`;

const FLAT = `const fs = require('fs');
const { readFile, writeFile } = require('node:fs/promises');
async function copy() {
  const data = await readFile('a');
  await writeFile('b', data);
  console.log('done');
}
copy();
`;

describe('convertAround', () => {
  it('converts an inner call through the outermost pyramid level', () => {
    assert.equal(around(PYRAMID, 'fs.writeFile'), FLAT);
  });

  it('converts the outermost call itself the same way', () => {
    assert.equal(around(PYRAMID, 'fs.readFile'), FLAT);
  });

  it('gives the call its own refusal when nothing converts it', () => {
    assert.equal(around("const fs = require('fs');\nfs.readFile('a', (err, d) => { if (err) throw err; console.log(d); });\n", 'fs.readFile'), 'top-level');
  });

  it('ignores calls that are no callback calls', () => {
    assert.equal(around('function f() { console.log(1); }\nf();\n', 'console.log'), undefined);
  });
});
