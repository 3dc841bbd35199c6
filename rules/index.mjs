// The ESM face of the plugin: `import asyncGuard from 'async-guard'`.
import plugin from './index.js';

export default plugin;
export const { meta, rules, configs } = plugin;
