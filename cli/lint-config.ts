import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../rules/index';
import { JS_TS_FILES, RECOMMENDED_RULES } from '../rules/configs';

/** Folders never worth linting: dependencies and build output. */
export const DEFAULT_IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.min.js'];

/**
 * The configuration the CLI lints with: the recommended rules on every
 * JavaScript and TypeScript file, parsed by typescript-eslint so one parser
 * reads both. With `typeAware`, the nearest tsconfig.json supplies types.
 */
export function buildLintConfig(options: { typeAware: boolean; cwd: string }): Linter.Config[] {
  const parserOptions: Linter.ParserOptions = options.typeAware
    ? { ecmaFeatures: { jsx: true }, projectService: true, tsconfigRootDir: options.cwd }
    : { ecmaFeatures: { jsx: true } };
  return [
    { ignores: DEFAULT_IGNORES },
    {
      files: JS_TS_FILES,
      plugins: { 'async-guard': plugin as never },
      languageOptions: { parser: tsParser, parserOptions },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: RECOMMENDED_RULES,
    },
  ];
}
