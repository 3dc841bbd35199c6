// The project lints itself with typescript-eslint's type-checked rules and
// with its own plugin: we are our own first user.
import tseslint from 'typescript-eslint';
import asyncGuard from 'async-guard';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.tools/**', 'test/fixtures/**', 'examples/**', 'bench/corpus/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
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
    // This test checks that `require('async-guard')` works, so it must use require.
    files: ['test/plugin/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
