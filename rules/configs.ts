import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';

type RuleLevels = Record<string, TSESLint.Linter.RuleLevel | [TSESLint.Linter.RuleLevel, ...unknown[]]>;

/** Rules on in `recommended`: each finds real bugs with very few false reports. */
export const RECOMMENDED_RULES: RuleLevels = {
  'async-guard/no-floating-promise': 'warn',
  'async-guard/no-unchecked-callback-error': 'warn',
  'async-guard/no-sync-in-async': 'warn',
};

/** `strict` adds the style rules (callback depth, preferring await). */
export const STRICT_RULES: RuleLevels = {
  ...RECOMMENDED_RULES,
  'async-guard/max-callback-depth': 'warn',
  'async-guard/prefer-async-await': 'warn',
};

export const JS_TS_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

export function buildConfigs(plugin: object): Record<'recommended' | 'recommended-type-checked' | 'strict', TSESLint.FlatConfig.Config> {
  return {
    recommended: {
      name: 'async-guard/recommended',
      plugins: { 'async-guard': plugin },
      rules: RECOMMENDED_RULES,
    },
    'recommended-type-checked': {
      name: 'async-guard/recommended-type-checked',
      files: JS_TS_FILES,
      plugins: { 'async-guard': plugin },
      languageOptions: {
        parser: tsParser as TSESLint.FlatConfig.Parser,
        parserOptions: { projectService: true },
      },
      rules: RECOMMENDED_RULES,
    },
    strict: {
      name: 'async-guard/strict',
      plugins: { 'async-guard': plugin },
      rules: STRICT_RULES,
    },
  };
}
