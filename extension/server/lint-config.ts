import type { Linter } from 'eslint';
import { guardedTypeScriptParser } from '../../rules/parsers/guarded-typescript-parser';
import { javascriptParserConfig, SYNTACTIC_PARSER_OPTIONS } from '../../rules/parsers/javascript-parser';
import { createIncrementalTypeScriptParser } from './incremental-typescript-parser';
import { asEslintPlugin, PLUGIN_PREFIX, type LintPlugin } from './plugin-shape';
import type { Settings } from './settings';

export const LINTED_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

export interface TypeAwareProject {
  /** Directory of the tsconfig/jsconfig that covers the file. */
  rootDir: string;
}

/**
 * Rule levels: the plugin's `recommended` levels, overridden by `asyncGuard.rules`.
 * Names unknown to the plugin are dropped, so a setting for a rule that is not
 * built yet (or was renamed) does not make ESLint throw.
 */
export function ruleLevels(plugin: LintPlugin, settings: Settings): Linter.RulesRecord {
  const levels: Linter.RulesRecord = {};
  for (const [id, level] of Object.entries(plugin.configs?.recommended?.rules ?? {})) {
    if (level !== undefined && id.startsWith(PLUGIN_PREFIX) && id.slice(PLUGIN_PREFIX.length) in plugin.rules) levels[id] = level;
  }
  for (const [name, level] of Object.entries(settings.rules)) {
    if (name in plugin.rules) levels[PLUGIN_PREFIX + name] = level;
  }
  return levels;
}

/** One per thread: it keeps the source files of the documents being typed in. */
const syntacticTypeScriptParser = createIncrementalTypeScriptParser();

/** The built-in configuration: our plugin, the parsers the CLI uses, nothing from the workspace. */
export function builtInConfig(plugin: LintPlugin, rules: Linter.RulesRecord, project: TypeAwareProject | undefined): Linter.Config[] {
  return [
    {
      files: LINTED_FILES,
      plugins: { 'async-guard': asEslintPlugin(plugin) },
      languageOptions: {
        parser: project === undefined ? syntacticTypeScriptParser : guardedTypeScriptParser,
        parserOptions: project === undefined ? SYNTACTIC_PARSER_OPTIONS : { projectService: true, tsconfigRootDir: project.rootDir },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules,
    },
    // Syntactic JavaScript: espree first, as the CLI does.
    ...(project === undefined ? [javascriptParserConfig] : []),
  ];
}
