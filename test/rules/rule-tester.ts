import * as path from 'node:path';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { parse } from '@typescript-eslint/typescript-estree';
import * as espree from 'espree';
import { javascriptParser, SYNTACTIC_PARSER_OPTIONS } from '../../rules/parsers/javascript-parser';

/** The fixture TypeScript project type-aware cases are linted in. */
export const FIXTURE_PROJECT = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'project');

export interface BothModesTests<MessageIds extends string, Options extends readonly unknown[]> {
  /** Cases with the same verdict with and without types. */
  valid: (string | ValidTestCase<Options>)[];
  invalid: InvalidTestCase<MessageIds, Options>[];
  /** Only the type checker can see these problems: valid without types, invalid with them. */
  typeAwareOnly?: InvalidTestCase<MessageIds, Options>[];
  /** False positives that types remove: invalid without types, valid with them. */
  syntacticOnly?: InvalidTestCase<MessageIds, Options>[];
}

/** A rule's cases without type information, as `runInBothModes` ran them (read by the oxlint comparison). */
export interface SyntacticCases {
  /** The title the cases run under. */
  readonly name: string;
  /** The rule's name in the plugin (several titles may test one rule). */
  readonly rule: string;
  readonly valid: (string | ValidTestCase<readonly unknown[]>)[];
  readonly invalid: InvalidTestCase<string, readonly unknown[]>[];
}

/** Every rule's syntactic cases, filled as the rule test files load. */
export const syntacticCases: SyntacticCases[] = [];

// mocha names it `after`; the tester looks for `afterAll`.
RuleTester.afterAll = after;

const syntactic = new RuleTester({
  languageOptions: { parserOptions: { ...SYNTACTIC_PARSER_OPTIONS, ecmaFeatures: { jsx: true } } },
});

/** What the CLI and the editor read JavaScript with: espree, typescript-eslint where espree fails. */
const javascript = new RuleTester({
  languageOptions: { parser: javascriptParser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

const typeAware = new RuleTester({
  languageOptions: {
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: FIXTURE_PROJECT },
  },
});

/**
 * Runs a rule's cases three times: without type information (read by
 * typescript-eslint, then as `.js` files by the JavaScript parser the CLI and
 * editor use) and with the fixture project's type checker. A problem found
 * without types must be found with them too, unless it is listed in
 * `syntacticOnly`.
 */
export function runInBothModes<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: BothModesTests<MessageIds, Options>,
): void {
  const typeAwareOnly = tests.typeAwareOnly ?? [];
  const syntacticOnly = tests.syntacticOnly ?? [];
  syntacticCases.push({ name, rule: ruleNameOf(rule, name), valid: [...tests.valid, ...typeAwareOnly.map(asValid)], invalid: [...tests.invalid, ...syntacticOnly] });
  syntactic.run(`${name} (syntactic)`, rule, {
    valid: [...tests.valid, ...typeAwareOnly.map(asValid)],
    invalid: [...tests.invalid, ...syntacticOnly],
  });
  javascript.run(`${name} (JavaScript parser)`, rule, {
    valid: [...tests.valid, ...typeAwareOnly.map(asValid)].filter(isJavaScriptCase).map((test) => asJavaScriptFile(test)),
    invalid: [...tests.invalid, ...syntacticOnly].filter(isJavaScriptCase).map((test) => ({ ...test, filename: test.filename ?? 'file.js' })),
  });
  typeAware.run(`${name} (type-aware)`, rule, {
    valid: [...tests.valid, ...syntacticOnly.map(asValid)],
    invalid: [...tests.invalid, ...typeAwareOnly],
  });
}

/** The name `createRule` gave the rule; the title for a rule made otherwise. */
function ruleNameOf(rule: object, title: string): string {
  const named: unknown = (rule as { name?: unknown }).name;
  return typeof named === 'string' ? named : title;
}

function asValid<MessageIds extends string, Options extends readonly unknown[]>(
  test: InvalidTestCase<MessageIds, Options>,
): ValidTestCase<Options> {
  const { errors: _errors, output: _output, ...rest } = test;
  return rest;
}

/**
 * The cases the JavaScript parser reads itself: those named `.js` (which
 * also exercise the fallback when espree cannot read them), and those
 * without a file name (linted as `file.js`) written in plain JavaScript:
 * espree parses them and neither they nor the expected outputs use
 * TypeScript syntax (`new Promise<T>(…)` is a comparison in JavaScript; a
 * conversion writes `catch (err: any)` only in TypeScript files).
 */
export function isJavaScriptCase(test: string | { code: string; filename?: string | undefined; output?: unknown; errors?: unknown }): boolean {
  if (typeof test !== 'string' && test.filename !== undefined) return /\.[cm]?jsx?$/.test(test.filename);
  const code = typeof test === 'string' ? test : test.code;
  try {
    espree.parse(code, { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } });
  } catch {
    return false;
  }
  const outputs = typeof test === 'string' ? [] : expectedOutputs(test);
  return [code, ...outputs].every((text) => !usesTypeScriptSyntax(text));
}

function expectedOutputs(test: { output?: unknown; errors?: unknown }): string[] {
  const outputs: unknown[] = [test.output].flat();
  for (const error of Array.isArray(test.errors) ? (test.errors as { suggestions?: { output?: unknown }[] }[]) : []) {
    for (const suggestion of error.suggestions ?? []) outputs.push(suggestion.output);
  }
  return outputs.filter((output): output is string => typeof output === 'string');
}

function usesTypeScriptSyntax(code: string): boolean {
  let ast: unknown;
  try {
    ast = parse(code, { jsx: true });
  } catch {
    return false;
  }
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (typeof (node as { type?: unknown }).type === 'string' && (node as { type: string }).type.startsWith('TS')) return true;
    for (const [key, value] of Object.entries(node)) if (key !== 'parent' && key !== 'loc' && key !== 'range') pending.push(value);
  }
  return false;
}

function asJavaScriptFile<Case extends { filename?: string | undefined }>(test: string | Case): Case | { code: string; filename: string } {
  if (typeof test === 'string') return { code: test, filename: 'file.js' };
  return test.filename === undefined ? { ...test, filename: 'file.js' } : test;
}
