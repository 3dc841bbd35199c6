import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './all-rules';
import { buildConfigs } from './configs';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- read at run time so the version is never stale
const { name, version } = require('../../package.json') as { name: string; version: string };

interface AsyncGuardPlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: Record<'recommended' | 'recommended-type-checked' | 'strict', TSESLint.FlatConfig.Config>;
}

const plugin: AsyncGuardPlugin = {
  meta: { name, version },
  rules,
  configs: {} as AsyncGuardPlugin['configs'],
};
plugin.configs = buildConfigs(plugin);

export = plugin;
