import * as path from 'node:path';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

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

// mocha names it `after`; the tester looks for `afterAll`.
RuleTester.afterAll = after;

const syntactic = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const typeAware = new RuleTester({
  languageOptions: {
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: FIXTURE_PROJECT },
  },
});

/**
 * Runs a rule's cases twice: without type information and with the fixture
 * project's type checker. A problem found without types must be found with
 * them too, unless it is listed in `syntacticOnly`.
 */
export function runInBothModes<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  tests: BothModesTests<MessageIds, Options>,
): void {
  const typeAwareOnly = tests.typeAwareOnly ?? [];
  const syntacticOnly = tests.syntacticOnly ?? [];
  syntactic.run(`${name} (syntactic)`, rule, {
    valid: [...tests.valid, ...typeAwareOnly.map(asValid)],
    invalid: [...tests.invalid, ...syntacticOnly],
  });
  typeAware.run(`${name} (type-aware)`, rule, {
    valid: [...tests.valid, ...syntacticOnly.map(asValid)],
    invalid: [...tests.invalid, ...typeAwareOnly],
  });
}

function asValid<MessageIds extends string, Options extends readonly unknown[]>(
  test: InvalidTestCase<MessageIds, Options>,
): ValidTestCase<Options> {
  const { errors: _errors, output: _output, ...rest } = test;
  return rest;
}
