// The project lints itself with typescript-eslint's type-checked rules and
// with its own plugin: we are our own first user.
import tseslint from 'typescript-eslint';
import asyncGuard from 'async-guard';

export default tseslint.config(
  {
    ignores: ['dist/**', '.bench/**', '.prof/**', '.vsix-stage/**', 'test-results/**', 'node_modules/**', '.tools/**', 'test/fixtures/**', 'test/convert/programs/**', 'test/convert/typescript/**', 'test/convert/contract-typescript/**', 'examples/**', 'bench/corpus/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked, asyncGuard.configs.strict],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // oxlint's AST has `null` where typescript-eslint has `undefined`: read these keys through rules/shared/optional-keys.ts.
    files: ['rules/**/*.ts'],
    ignores: ['rules/shared/optional-keys.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            // Against `undefined` or `null` (esquery reads a missing `right.name` as 'undefined', so the type is checked too).
            "BinaryExpression[operator=/^[!=]==$/]:matches([right.type='Identifier'][right.name='undefined'], [right.type='Literal'][right.raw='null']) > MemberExpression.left[property.name=/^(directive|returnType|typeParameters|typeArguments|typeAnnotation|accessibility|superTypeArguments|constraint)$/]",
          message: 'oxlint gives null for a missing key: use the helpers of rules/shared/optional-keys.ts.',
        },
      ],
    },
  },
  {
    // Tests, benchmarks and scripts run one task at a time: blocking calls
    // there cost nothing (see the rule's "When not to use it").
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'async-guard/no-sync-in-async': 'off' },
  },
  {
    // This test checks that `require('async-guard')` works, so it must use require.
    files: ['test/plugin/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
