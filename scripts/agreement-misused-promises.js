#!/usr/bin/env node
/**
 * How often type-aware `async-guard/no-floating-promise` agrees with
 * typescript-eslint's `no-misused-promises` (its void-return checks) plus
 * `no-floating-promises`, on test cases from typescript-eslint's own suite
 * (scripts/data/typescript-eslint-void-return-cases.json, see
 * scripts/data/README.md for where they come from).
 *
 *   npm run build && node scripts/agreement-misused-promises.js [--show] [--dist <build folder>]
 *
 * Each case is linted once, in the fixture project test/fixtures/agreement
 * (typescript-eslint's own test tsconfig: strict, es2015 target, no DOM),
 * with all three rules. A case agrees when both sides report on the same set
 * of lines (nothing at all counts as a set). `--show` prints every
 * disagreement; `--dist` lints with another build of this package (an
 * older commit's `dist`) to count before and after.
 */
'use strict';
const path = require('node:path');
const { Linter } = require('eslint');
const tseslint = require('typescript-eslint');

const distIndex = process.argv.indexOf('--dist');
const dist = path.resolve(distIndex >= 0 ? process.argv[distIndex + 1] : path.join(__dirname, '..', 'dist'));
const asyncGuard = require(path.join(dist, 'rules', 'index.js'));
const { cases } = require('./data/typescript-eslint-void-return-cases.json');

const plugin = asyncGuard.default ?? asyncGuard;
// An older build (`--dist`) may not have the option: then it runs with its defaults.
const HAS_VOID_OPTION = plugin.rules['no-floating-promise'].meta.schema[0].properties.checksVoidReturn !== undefined;
const FIXTURE = path.join(__dirname, '..', 'test', 'fixtures', 'agreement');
const THEIR_VOID_MESSAGES = new Set(['voidReturnArgument', 'voidReturnAttribute', 'voidReturnProperty', 'voidReturnVariable', 'voidReturnInheritedMethod']);

/** Our `checksVoidReturn` for a case's `checksVoidReturn` (their `returns` has no counterpart and is left out). */
function ourVoidOption(theirs) {
  if (theirs === undefined || typeof theirs === 'boolean') return theirs ?? true;
  const { returns: _returns, ...places } = theirs;
  return places;
}

function lint(linter, testCase) {
  const theirOptions = { checksConditionals: false, checksSpreads: false, ...(testCase.options?.[0] ?? {}) };
  const config = {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: FIXTURE, ecmaFeatures: { jsx: testCase.jsx } },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'async-guard': plugin },
    rules: {
      '@typescript-eslint/no-misused-promises': ['error', theirOptions],
      '@typescript-eslint/no-floating-promises': 'error',
      'async-guard/no-floating-promise': ['error', HAS_VOID_OPTION ? { checksVoidReturn: ourVoidOption(theirOptions.checksVoidReturn) } : {}],
    },
  };
  const filename = path.join(FIXTURE, testCase.jsx ? 'react.tsx' : 'file.ts');
  return linter.verify(testCase.code, config, { filename });
}

function main() {
  const show = process.argv.includes('--show');
  const linter = new Linter({ configType: 'flat' });
  let agreed = 0;
  const byKind = new Map();
  for (const testCase of cases) {
    const messages = lint(linter, testCase);
    const fatal = messages.find((message) => message.fatal === true || message.ruleId === null);
    const theirs = messages.filter(
      (message) =>
        message.ruleId === '@typescript-eslint/no-floating-promises' ||
        (message.ruleId === '@typescript-eslint/no-misused-promises' && THEIR_VOID_MESSAGES.has(message.messageId)),
    );
    const ours = messages.filter((message) => message.ruleId === 'async-guard/no-floating-promise');
    const lines = (list) => [...new Set(list.map((message) => message.line))].sort((a, b) => a - b).join(',');
    const agrees = fatal === undefined && lines(theirs) === lines(ours);
    if (agrees) agreed++;
    const key = `${testCase.from} ${testCase.kind}`;
    const tally = byKind.get(key) ?? { agreed: 0, total: 0 };
    tally.total++;
    if (agrees) tally.agreed++;
    byKind.set(key, tally);
    if (show && !agrees) {
      console.log(`--- ${testCase.id}${fatal === undefined ? '' : ` (parse error: ${fatal.message})`}`);
      console.log(`theirs: ${theirs.map((message) => `${message.line}:${message.messageId}`).join(' ') || '-'}`);
      console.log(`ours:   ${ours.map((message) => `${message.line}:${message.messageId}`).join(' ') || '-'}`);
      console.log(testCase.code.trim());
    }
  }
  for (const [key, tally] of byKind) console.log(`${key}: ${tally.agreed} of ${tally.total}`);
  console.log(`agreement: ${agreed} of ${cases.length}`);
}

main();
