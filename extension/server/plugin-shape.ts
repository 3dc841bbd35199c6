import type { ESLint, Linter } from 'eslint';

/** What the server needs from the plugin object (`rules/index.ts`): its rules and its `recommended` levels. */
export interface LintPlugin {
  rules: Record<string, { meta?: { docs?: { url?: string }; fixable?: string; hasSuggestions?: boolean } }>;
  configs?: { recommended?: { rules?: Partial<Linter.RulesRecord> } };
}

export const PLUGIN_PREFIX = 'async-guard/';

/** The rule that carries the "Convert to async/await" refactor; picked up by name when the plugin has it. */
export const CONVERSION_RULE = 'prefer-async-await';

export function asEslintPlugin(plugin: LintPlugin): ESLint.Plugin {
  return plugin as unknown as ESLint.Plugin;
}

export function ruleDocsUrl(plugin: LintPlugin, ruleName: string): string | undefined {
  return plugin.rules[ruleName]?.meta?.docs?.url;
}

/** Which problems a fix-all applies: our rules' (another plugin's never), or only `ruleName`'s. */
export function fixesRule(ruleName: string | undefined): (message: { ruleId: string | null }) => boolean {
  return (message) => {
    const name = shortRuleName(message.ruleId);
    return name !== undefined && (ruleName === undefined || name === ruleName);
  };
}

/** `async-guard/no-sync-in-async` → `no-sync-in-async`; another plugin's id → undefined. */
export function shortRuleName(ruleId: string | null): string | undefined {
  return ruleId?.startsWith(PLUGIN_PREFIX) ? ruleId.slice(PLUGIN_PREFIX.length) : undefined;
}
