import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffFindings, eslintFindings, oxlintFindings, pluginErrors } from '../../bench/engine-diff';
import { listSourceFiles } from '../../bench/corpus';
import { findOxlint } from '../../cli/oxlint/find-oxlint';

const PACKAGE_ROOT = path.join(__dirname, '..', '..', '..');
const FLOATING = 'async function f() {}\nf();\n';
const RULES = { 'async-guard/no-floating-promise': 'warn', 'async-guard/no-sync-in-async': 'warn' };

/** A project with async-guard installed (a link to this package) and oxlint's own rules off. */
function project(config: { name: string; text: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-oxlint-project-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(PACKAGE_ROOT, path.join(dir, 'node_modules', 'async-guard'), 'dir');
  fs.symlinkSync(path.dirname(require.resolve('oxlint/package.json')), path.join(dir, 'node_modules', 'oxlint'), 'dir');
  fs.writeFileSync(path.join(dir, config.name), config.text);
  fs.writeFileSync(path.join(dir, 'a.js'), FLOATING);
  return dir;
}

interface JsonDiagnostic {
  code?: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

function runOxlintIn(dir: string): JsonDiagnostic[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [findOxlint(dir).bin, '-f', 'json', 'a.js'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    stdout = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
}

describe('oxlint loads async-guard by its package name', function () {
  this.timeout(120_000);
  const created: string[] = [];
  after(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('from .oxlintrc.json: "jsPlugins": ["async-guard"]', () => {
    const dir = project({ name: '.oxlintrc.json', text: JSON.stringify({ jsPlugins: ['async-guard'], categories: { correctness: 'off' }, rules: RULES }) });
    created.push(dir);
    const found = runOxlintIn(dir).map((diagnostic) => `${diagnostic.code ?? ''} ${diagnostic.labels[0]?.span.line}:${diagnostic.labels[0]?.span.column}`);
    assert.deepEqual(found, ['async-guard(no-floating-promise) 2:1']);
  });

  it('from oxlint.config.ts (Node.js 22.18 or later runs it)', function () {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 18)) this.skip();
    const text = `import { defineConfig } from 'oxlint';\n\nexport default defineConfig({\n  jsPlugins: ['async-guard'],\n  categories: { correctness: 'off' },\n  rules: ${JSON.stringify(RULES)},\n});\n`;
    const dir = project({ name: 'oxlint.config.ts', text });
    created.push(dir);
    assert.deepEqual(runOxlintIn(dir).map((diagnostic) => diagnostic.code), ['async-guard(no-floating-promise)']);
  });

  it('reports on the examples what ESLint reports, every rule on', async () => {
    const examples = path.join(PACKAGE_ROOT, 'examples');
    const files = listSourceFiles(examples).map((file) => path.join(examples, file));
    const [eslint, oxlint] = await Promise.all([eslintFindings(files, examples), oxlintFindings(files, examples)]);
    const diff = diffFindings(eslint.findings, oxlint.findings);
    assert.deepEqual([diff.onlyEslint, diff.onlyOxlint, diff.messageDiffers, pluginErrors(oxlint.failures)], [[], [], [], []]);
    assert.ok(diff.same >= 15, `${diff.same} findings`);
  });
});
