import * as path from 'node:path';

export type RuleEntry = 'off' | 'warn' | 'error' | 0 | 1 | 2 | readonly unknown[];

/** An `.oxlintrc.json` object: only the given rules, none of oxlint's own. */
export interface OxlintConfig {
  readonly plugins: string[];
  readonly categories: Record<string, 'off'>;
  readonly jsPlugins: string[];
  readonly rules: Record<string, RuleEntry>;
  overrides?: { files: string[]; rules: Record<string, RuleEntry> }[];
}

const CATEGORIES = ['correctness', 'suspicious', 'pedantic', 'perf', 'style', 'restriction', 'nursery'];

/** async-guard's plugin entry, as this copy of async-guard was built (absolute: no resolution from the linted project). */
export const PLUGIN_ENTRY = path.join(__dirname, '..', '..', 'rules', 'index.js');

/**
 * oxlint's configuration for async-guard's rules alone: oxlint's built-in
 * plugins and categories off, so the run reports what ESLint with the same
 * rules reports. `jsPlugin` defaults to this build of the plugin.
 */
export function oxlintConfig(rules: Record<string, RuleEntry>, jsPlugin: string = PLUGIN_ENTRY): OxlintConfig {
  return {
    plugins: [],
    categories: Object.fromEntries(CATEGORIES.map((category) => [category, 'off'])),
    jsPlugins: Object.keys(rules).length > 0 ? [jsPlugin] : [],
    rules,
  };
}
