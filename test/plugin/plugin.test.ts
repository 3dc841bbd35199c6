import * as assert from 'node:assert/strict';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

interface LintResultLike {
  filePath: string;
  messages: { ruleId: string | null; line: number }[];
}
interface ESLintLike {
  lintFiles(patterns: string[]): Promise<LintResultLike[]>;
}
type ESLintConstructor = new (options: Record<string, unknown>) => ESLintLike;

/** Findings as `file:line rule`, sorted, for comparing ESLint versions. */
async function findingsWith(ESLintClass: ESLintConstructor, plugin: unknown): Promise<string[]> {
  const configs = (plugin as { configs: { recommended: object } }).configs;
  const eslint = new ESLintClass({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.js', '**/*.ts'],
        languageOptions: { parser: require('@typescript-eslint/parser') as object },
      },
      configs.recommended,
    ],
  });
  const results = await eslint.lintFiles([EXAMPLES]);
  return results
    .flatMap((result) => result.messages.map((message) => `${path.relative(ROOT, result.filePath)}:${message.line} ${message.ruleId}`))
    .sort();
}

describe('the plugin package', () => {
  it('loads with require and with import, through the package name', async () => {
    const required = require('async-guard') as { meta: { name: string; version: string }; rules: object; configs: object };
    const imported = (await import('async-guard')) as unknown as { default: unknown; rules: unknown; configs: unknown };
    assert.equal(required.meta.name, 'async-guard');
    assert.match(required.meta.version, /^\d+\.\d+\.\d+/);
    assert.equal(imported.default, required);
    assert.equal(imported.rules, required.rules);
    assert.deepEqual(Object.keys(required.configs).sort(), ['recommended', 'recommended-type-checked', 'strict']);
  });

  it('registers itself as async-guard in every config, with only its own rules', () => {
    const plugin = require('async-guard') as { rules: Record<string, unknown>; configs: Record<string, { plugins: Record<string, unknown>; rules: Record<string, unknown> }> };
    for (const [name, config] of Object.entries(plugin.configs)) {
      assert.equal(config.plugins['async-guard'], plugin, name);
      for (const ruleId of Object.keys(config.rules)) {
        assert.ok(ruleId.startsWith('async-guard/') && ruleId.slice('async-guard/'.length) in plugin.rules, `${name}: ${ruleId}`);
      }
    }
  });

  it('gives every rule a docs URL to its page under docs/rules/ and a description', () => {
    const plugin = require('async-guard') as { rules: Record<string, { meta: { docs: { url: string; description: string } } }> };
    const fs = require('node:fs') as typeof import('node:fs');
    for (const [name, rule] of Object.entries(plugin.rules)) {
      assert.ok(rule.meta.docs.url.endsWith(`/docs/rules/${name}.md`), name);
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${name}.md`)), `docs/rules/${name}.md`);
      assert.ok(rule.meta.docs.description.length > 20, name);
    }
  });

  it('finds the same problems in examples/ on ESLint 9 and ESLint 10', async () => {
    const plugin = require('async-guard') as unknown;
    const eslint10 = require('eslint') as { ESLint: ESLintConstructor };
    const eslint9 = require('eslint9') as { ESLint: ESLintConstructor };
    assert.match((require('eslint/package.json') as { version: string }).version, /^10\./);
    assert.match((require('eslint9/package.json') as { version: string }).version, /^9\./);
    const with10 = await findingsWith(eslint10.ESLint, plugin);
    const with9 = await findingsWith(eslint9.ESLint, plugin);
    assert.ok(with10.length >= 5, `expected findings in examples/, got ${with10.length}`);
    assert.deepEqual(with9, with10);
  });
});
