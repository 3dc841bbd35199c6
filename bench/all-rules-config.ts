import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../rules/index';

/**
 * Every rule the plugin exports, on at 'warn' with its default options.
 * Read from the plugin object, never from a list, so a rule added to
 * `rules/all-rules.ts` is benchmarked and fuzzed the day it lands.
 */
export function allRuleLevels(): Linter.RulesRecord {
  return Object.fromEntries(Object.keys(plugin.rules).map((name) => [`async-guard/${name}`, 'warn']));
}

export function ruleNames(): string[] {
  return Object.keys(plugin.rules);
}

export interface ModeOptions {
  /** Lint with type information from the nearest tsconfig.json (projectService). */
  readonly typeAware: boolean;
  /** Root the project service resolves tsconfig files from. */
  readonly tsconfigRootDir?: string;
  /** false: parse only (the floor every rule is measured against). */
  readonly withRules: boolean;
}

/** One flat config for every JS/TS file: typescript-eslint's parser, all or none of our rules. */
export function allRulesConfig(options: ModeOptions): Linter.Config[] {
  const parserOptions: Linter.ParserOptions = options.typeAware
    ? { ecmaFeatures: { jsx: true }, projectService: true, tsconfigRootDir: options.tsconfigRootDir }
    : { ecmaFeatures: { jsx: true } };
  return [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      plugins: { 'async-guard': plugin as never },
      languageOptions: { parser: tsParser, parserOptions },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: options.withRules ? allRuleLevels() : {},
    },
  ];
}
