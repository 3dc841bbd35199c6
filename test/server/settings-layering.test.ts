import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { readSettingsLayer } from '../../extension/server/settings';
import { LspTestClient, REPO_ROOT } from './lsp-test-client';

const BLOCKING = "const fs = require('fs');\nasync function load() {\n  return fs.readFileSync('a.txt', 'utf8');\n}\n";
/** What Neovim 0.7 declares of what the server uses: no pull, no documentChanges, no showDocument. */
const NEOVIM_07: ClientCapabilities = { workspace: { applyEdit: true, workspaceEdit: {} }, window: { showDocument: { support: false } } };

let counter = 0;
function freshUri(): string {
  counter++;
  return pathToFileURL(path.join('/tmp', 'async-guard-layering', `doc${counter}.js`)).href;
}

function levels(published: PublishDiagnosticsParams): [unknown, unknown][] {
  return published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]);
}

describe('language server settings: defaults → initializationOptions → configuration', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  beforeEach(() => {
    client = new LspTestClient();
  });
  afterEach(async () => {
    await client.dispose();
  });

  it('a client that only pushes: initializationOptions (flat), then didChangeConfiguration overrides key by key', async () => {
    await client.initialize({ rules: { 'no-sync-in-async': 'error' } }, NEOVIM_07);
    const uri = freshUri();
    assert.deepEqual(levels(await client.open(uri, BLOCKING)), [['no-sync-in-async', 1]]);
    // A push that does not name `rules` keeps the initial ones.
    assert.deepEqual(levels(await client.pushConfiguration({ asyncGuard: { run: 'onType' } }, uri)), [['no-sync-in-async', 1]]);
    assert.deepEqual(levels(await client.pushConfiguration({ asyncGuard: { rules: { 'no-sync-in-async': 'off' } } }, uri)), []);
    assert.deepEqual(levels(await client.pushConfiguration({ enable: true }, uri)), [['no-sync-in-async', 1]]);
  });

  it('a client that pulls: initializationOptions (nested) apply when the pulled section is empty, the pulled values win', async () => {
    client.settings = null;
    await client.initialize({ asyncGuard: { rules: { 'no-sync-in-async': 'error' } } });
    const uri = freshUri();
    assert.deepEqual(levels(await client.open(uri, BLOCKING)), [['no-sync-in-async', 1]]);
    assert.deepEqual(levels(await client.configure({ rules: { 'no-sync-in-async': 'warn' } }, uri)), [['no-sync-in-async', 2]]);
    assert.deepEqual(levels(await client.configure({ enable: false }, uri)), []);
  });

  it('nothing sent: the defaults (recommended levels)', async () => {
    await client.initialize(undefined, {});
    assert.deepEqual(levels(await client.open(freshUri(), BLOCKING)), [['no-sync-in-async', 2]]);
  });
});

describe('language server and what the client declares', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  beforeEach(() => {
    client = new LspTestClient();
  });
  afterEach(async () => {
    await client.dispose();
  });

  it('without documentChanges or showDocument: plain `changes`, no "Show documentation"', async () => {
    await client.initialize({}, NEOVIM_07);
    const uri = freshUri();
    const { diagnostics } = await client.open(uri, BLOCKING);
    const actions = await client.codeActions(uri, diagnostics);
    assert.deepEqual(
      actions.map((action) => action.title),
      ["Replace with `await readFile(…)` from 'node:fs/promises'.", 'Disable no-sync-in-async for this line'],
    );
    assert.ok(actions.every((action) => action.edit?.changes?.[uri] !== undefined && action.edit.documentChanges === undefined));
  });

  it('with documentChanges: edits tied to the document version', async () => {
    await client.initialize({}, { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } });
    const uri = freshUri();
    const { diagnostics } = await client.open(uri, BLOCKING);
    const [first] = await client.codeActions(uri, diagnostics);
    assert.deepEqual(first?.edit?.documentChanges?.map((change) => ('textDocument' in change ? change.textDocument : undefined)), [{ uri, version: 1 }]);
    assert.equal(first?.edit?.changes, undefined);
  });
});

describe('language server outside VS Code: no workspace trust', function () {
  this.timeout(30_000);
  const folder = path.join(REPO_ROOT, 'test', 'fixtures', 'editor', 'trust');
  const uri = pathToFileURL(path.join(folder, 'blocking.js')).href;
  const text = (): string => fs.readFileSync(path.join(folder, 'blocking.js'), 'utf8');
  let marker: string;
  let client: LspTestClient;
  beforeEach(() => {
    marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-notrust-')), 'marker');
    client = new LspTestClient({ env: { ASYNC_GUARD_CONFIG_MARKER: marker } });
  });
  afterEach(async () => {
    await client.dispose();
    fs.rmSync(path.dirname(marker), { recursive: true, force: true });
  });

  it('a client that says nothing: built-in rules only, the project eslint.config.js never runs', async () => {
    await client.initialize(undefined, NEOVIM_07);
    assert.deepEqual(levels(await client.open(uri, text())), [['no-sync-in-async', 2]]);
    assert.equal(fs.existsSync(marker), false);
  });

  it('useESLintConfig: true in initializationOptions: the project config decides', async () => {
    await client.initialize({ asyncGuard: { useESLintConfig: true } }, NEOVIM_07);
    assert.deepEqual(levels(await client.open(uri, text())), [['no-sync-in-async', 1]]);
    assert.equal(fs.existsSync(marker), true);
  });
});

describe('language server settings: asyncGuard.conversionDeferSyncCallbacks', function () {
  this.timeout(30_000);
  const ZALGO = "function parse(text, cb) {\n  if (text === '') return cb(new Error('empty'));\n  setImmediate(() => cb(null, text.length));\n}\nparse('abc', (err, n) => {\n  if (err) throw err;\n  console.log(n);\n});\n";
  const offered = async (options: unknown): Promise<string[]> => {
    const client = new LspTestClient();
    try {
      await client.initialize(options, NEOVIM_07);
      const uri = freshUri();
      await client.open(uri, ZALGO);
      const cursor = { line: 0, character: 10 };
      const actions = await client.codeActions(uri, [], { start: cursor, end: cursor }, ['refactor']);
      return actions.map((action) => action.title).filter((title) => title.startsWith("Convert 'parse'"));
    } finally {
      await client.dispose();
    }
  };

  it('off (the default): a function calling back synchronously on one path gets no refactor; on: it does', async () => {
    assert.deepEqual(await offered(undefined), []);
    assert.deepEqual(await offered({ asyncGuard: { conversionDeferSyncCallbacks: true } }), ["Convert 'parse' to async/await"]);
    assert.equal(readSettingsLayer({ conversionDeferSyncCallbacks: 'yes' }).conversionDeferSyncCallbacks, undefined);
  });
});

describe('language server settings: asyncGuard.conversionApi', () => {
  it('accepts every value package.json offers (callback, promise, dual) and drops anything else', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { enum?: string[] }> } | { properties: Record<string, { enum?: string[] }> }[] };
    };
    const sections = [manifest.contributes.configuration].flat();
    const offered = sections.flatMap((section) => section.properties['asyncGuard.conversionApi']?.enum ?? []);
    assert.deepEqual(offered, ['callback', 'promise', 'dual']);
    for (const value of offered) assert.equal(readSettingsLayer({ asyncGuard: { conversionApi: value } }).conversionApi, value);
    assert.equal(readSettingsLayer({ conversionApi: 'both' }).conversionApi, undefined);
  });
});
