import type { Linter } from 'eslint';
import plugin from '../rules/index';
import { JS_TS_FILES, RECOMMENDED_RULES } from '../rules/configs';
import { guardedTypeScriptParser } from '../rules/parsers/guarded-typescript-parser';
import { javascriptParserConfig, SYNTACTIC_PARSER_OPTIONS } from '../rules/parsers/javascript-parser';

/** Folders never worth linting: dependencies and build output. */
export const DEFAULT_IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.min.js'];

/**
 * The configuration the CLI lints with: the recommended rules on every
 * JavaScript and TypeScript file: TypeScript parsed by typescript-eslint,
 * JavaScript by espree with typescript-eslint as the fallback (the editor
 * does the same, so both give the same verdicts). With `typeAware`, the
 * nearest tsconfig.json supplies types and typescript-eslint reads every file.
 */
export function buildLintConfig(options: { typeAware: boolean; cwd: string }): Linter.Config[] {
  const parserOptions: Linter.ParserOptions = options.typeAware
    ? { ecmaFeatures: { jsx: true }, projectService: true, tsconfigRootDir: options.cwd }
    : { ...SYNTACTIC_PARSER_OPTIONS, ecmaFeatures: { jsx: true } };
  return [
    { ignores: DEFAULT_IGNORES },
    {
      files: JS_TS_FILES,
      plugins: { 'async-guard': plugin as never },
      languageOptions: { parser: guardedTypeScriptParser, parserOptions },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: RECOMMENDED_RULES,
    },
    ...(options.typeAware ? [] : [javascriptParserConfig]),
  ];
}
