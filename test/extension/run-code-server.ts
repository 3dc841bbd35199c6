/**
 * `npm run test:extension`: the extension in a real VS Code (code-server
 * 4.100.3 = VS Code 1.100.3, driven by Debian's Chromium through
 * playwright-core), for machines that cannot download desktop VS Code.
 *
 * 1. the integration suite (mocha in the extension host) in a trusted workspace;
 * 2. the untrusted-workspace suite: the workspace eslint.config.js must not run;
 * 3. as a person: open a file, wait for the squiggle, Problems, Ctrl+., Enter;
 *    screenshots in test-results/editor/.
 * 4. with `--vsix <file>`: the packaged extension installed with
 *    `code-server --install-extension`, and 3 run on it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { codeServerCli, createHome, REPO_ROOT, startCodeServer, type CodeServerOptions } from './code-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'editor');
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'editor');
const TEST_RULES = path.join(REPO_ROOT, 'dist', 'test', 'server', 'test-rules.js');
const SUITE_TIMEOUT_MS = 240_000;

const temporaryFolders: string[] = [];

/** A fresh copy of a fixture folder, so saves and edits never touch the repository. */
function copyFixture(name: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `async-guard-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), target, { recursive: true });
  temporaryFolders.push(target);
  return target;
}

async function withBrowser<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    return await run(page);
  } finally {
    await browser.close();
  }
}

/** Runs a mocha suite inside the extension host; resolves with its exit code. */
async function runSuite(suite: string, workspace: string, options: CodeServerOptions): Promise<number> {
  const started = Date.now();
  const server = await startCodeServer({ ...options, env: { ...options.env, ASYNC_GUARD_SUITE: suite } });
  try {
    return await withBrowser(async (page) => {
      let exit: (code: number) => void = () => undefined;
      const exited = new Promise<number>((resolve) => (exit = resolve));
      await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
      page.on('console', (message) => {
        if (!message.text().startsWith('%c INFO')) {
          if (process.env.ASYNC_GUARD_DEBUG !== undefined || /^%c (?:ERR|WARN)/.test(message.text())) console.log(`[workbench] ${message.text()}`);
          return;
        }
        void Promise.all(message.args().slice(2).map((arg) => arg.jsonValue() as Promise<unknown>)).then(
          (values) => console.log(util.format(...values)),
          () => undefined,
        );
      });
      const remote = `vscode-remote://127.0.0.1:${server.port}`;
      const payload = [
        ['extensionDevelopmentPath', `${remote}${REPO_ROOT}`],
        ['extensionTestsPath', `${remote}${path.join(__dirname, 'suite', 'index.js')}`],
      ];
      await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      const timeout = new Promise<number>((resolve) =>
        setTimeout(() => {
          console.error(`${suite}: no result after ${SUITE_TIMEOUT_MS / 1000} s`);
          resolve(1);
        }, SUITE_TIMEOUT_MS).unref(),
      );
      const code = await Promise.race([exited, timeout]);
      console.log(`${suite}: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return code;
    });
  } finally {
    await server.stop();
  }
}

/** What a person does: open the file, see the squiggle, open Problems, Ctrl+., apply the first fix. */
async function runAsPerson(label: string, options: CodeServerOptions & { vsix?: string }): Promise<number> {
  const started = Date.now();
  const home = createHome();
  if (options.vsix !== undefined) await codeServerCli(home, ['--install-extension', options.vsix]);
  const workspace = copyFixture('workspace');
  const server = await startCodeServer(options, home);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  try {
    return await withBrowser(async (page) => {
      const shot = (step: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${label}-${step}.png`) });
      const devPath = options.vsix === undefined ? `&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${REPO_ROOT}`]]))}` : '';
      await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}${devPath}`);
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'suggestion.js' });
      await row.waitFor({ timeout: 60_000 });
      await row.click();
      await shot('1-opened');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
      await shot('2-squiggle');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Shift+M');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'blocks the event loop' }).first();
      await problem.waitFor({ timeout: 30_000 });
      await shot('3-problems');
      // Enter on the problem puts the cursor on it in the editor.
      await problem.click();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'await readFile' }).first();
      await fix.waitFor({ timeout: 30_000 });
      await shot('4-quick-fix-menu');
      // Enter applies the focused entry: move the focus to the fix first.
      for (let step = 0; step < 20 && !((await fix.getAttribute('class')) ?? '').includes('focused'); step++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const expected = "const { readFile } = require('node:fs/promises');";
      const editorText = page.locator('.monaco-editor .view-lines').first();
      for (let waited = 0; !(await editorText.innerText()).replace(/\u00a0/g, ' ').includes(expected); waited += 200) {
        if (waited > 30_000) break;
        await page.waitForTimeout(200);
      }
      const text = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
      await shot('5-converted');
      const ok = text.includes("return await readFile('a.txt', 'utf8');") && text.includes(expected);
      console.log(`${label}: ${ok ? 'the quick fix produced the expected text' : `unexpected text:\n${text}`} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return ok ? 0 : 1;
    });
  } catch (error) {
    console.error(`${label}: ${String(error)}`);
    return 1;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const vsixIndex = process.argv.indexOf('--vsix');
  const results: [string, number][] = [];
  {
    const markerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-marker-'));
    temporaryFolders.push(markerDir);
    const marker = path.join(markerDir, 'config-ran');
    results.push([
      'integration suite (trusted)',
      await runSuite('editor', copyFixture('workspace'), {
        env: { ASYNC_GUARD_TEST_RULES: TEST_RULES },
        settings: { 'editor.codeActionsOnSave': { 'source.fixAll.asyncGuard': 'explicit' } },
      }),
    ]);
    results.push([
      'untrusted workspace',
      await runSuite('untrusted', copyFixture('trust'), {
        workspaceTrust: true,
        settings: { 'asyncGuard.useESLintConfig': true },
        env: { ASYNC_GUARD_CONFIG_MARKER: marker },
      }),
    ]);
    results.push(['as a person', await runAsPerson('person', {})]);
  }
  if (vsixIndex !== -1) {
    const vsix = path.resolve(process.argv[vsixIndex + 1] ?? 'async-guard.vsix');
    results.push(['packaged vsix installed (as a person)', await runAsPerson('vsix', { vsix })]);
  }
  for (const folder of temporaryFolders) fs.rmSync(folder, { recursive: true, force: true });
  const failed = results.filter(([, code]) => code !== 0).length;
  for (const [name, code] of results) console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${name}`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  console.log(`test:extension took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
