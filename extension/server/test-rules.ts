import type { LintPlugin } from './plugin-shape';

/**
 * Tests only: `ASYNC_GUARD_TEST_RULES=<module path>` adds that module's rules
 * (and its `recommended` levels) to the plugin, so the protocol and editor
 * tests can exercise autofixes and a crashing rule while the real rules
 * offer suggestions only. It comes from the environment of the process that
 * starts the server, never from the workspace.
 */
export function withTestRules(plugin: LintPlugin): LintPlugin {
  const modulePath = process.env.ASYNC_GUARD_TEST_RULES;
  if (modulePath === undefined || modulePath === '') return plugin;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
  const extra = require(modulePath) as LintPlugin;
  return {
    ...plugin,
    rules: { ...plugin.rules, ...extra.rules },
    configs: {
      ...plugin.configs,
      recommended: { rules: { ...plugin.configs?.recommended?.rules, ...extra.configs?.recommended?.rules } },
    },
  };
}
