import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, REPO_ROOT, TEST_RULES } from './lsp-test-client';

const DOCS = 'https://github.com/async-guard/async-guard/blob/main/docs/rules/no-sync-in-async.md';
const BLOCKING = [
  "const fs = require('fs');",
  'async function load() {',
  "  return fs.readFileSync('a.txt', 'utf8');",
  '}',
  '',
].join('\n');
const BLOCKING_MESSAGE =
  "`fs.readFileSync` blocks the event loop inside async function 'load': every other request waits until it returns. Use `await readFile(…)` from 'node:fs/promises'.";

let counter = 0;
/** A fresh file URI per test, in a folder with no tsconfig (syntactic mode). */
function freshUri(extension = '.js'): string {
  counter++;
  return pathToFileURL(path.join('/tmp', 'async-guard-protocol', `doc${counter}${extension}`)).href;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'javascript', 1, text), edits);
}

function editOf(action: CodeAction | undefined, uri: string): TextEdit[] {
  const change = action?.edit?.documentChanges?.find((item) => 'textDocument' in item && item.textDocument.uri === uri);
  const edits = change !== undefined && 'edits' in change ? (change.edits as TextEdit[]) : action?.edit?.changes?.[uri];
  assert.ok(edits, `action ${action?.title} has no edit`);
  return edits;
}

describe('language server over LSP', function () {
  this.timeout(30_000);
  let client: LspTestClient;

  beforeEach(async () => {
    client = new LspTestClient({ env: { ASYNC_GUARD_TEST_RULES: TEST_RULES } });
    await client.initialize();
  });
  afterEach(async () => {
    await client.dispose();
  });

  it('publishes diagnostics with source, rule code, documentation link, severity and exact range', async () => {
    const uri = freshUri();
    const published = await client.open(uri, BLOCKING);
    assert.equal(published.version, 1);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => {
        const copy = { ...diagnostic };
        delete copy.data;
        return copy;
      }),
      [
        {
          range: { start: { line: 2, character: 9 }, end: { line: 2, character: 41 } },
          severity: 2,
          source: 'async-guard',
          message: BLOCKING_MESSAGE,
          code: 'no-sync-in-async',
          codeDescription: { href: DOCS },
        },
      ],
    );
  });

  it('offers the suggestion, disable-for-line and documentation as quick fixes, and each applies exactly', async () => {
    const uri = freshUri();
    const { diagnostics } = await client.open(uri, BLOCKING);
    const actions = await client.codeActions(uri, diagnostics);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [
        ["Replace with `await readFile(…)` from 'node:fs/promises'.", 'quickfix'],
        ['Disable no-sync-in-async for this line', 'quickfix'],
        ['Show documentation for no-sync-in-async', 'quickfix'],
      ],
    );
    assert.equal(
      applyEdits(BLOCKING, editOf(actions[0], uri)),
      [
        "const fs = require('fs');",
        "const { readFile } = require('node:fs/promises');",
        'async function load() {',
        "  return await readFile('a.txt', 'utf8');",
        '}',
        '',
      ].join('\n'),
    );
    assert.equal(
      applyEdits(BLOCKING, editOf(actions[1], uri)),
      [
        "const fs = require('fs');",
        'async function load() {',
        '  // eslint-disable-next-line async-guard/no-sync-in-async',
        "  return fs.readFileSync('a.txt', 'utf8');",
        '}',
        '',
      ].join('\n'),
    );
    const command = actions[2]?.command;
    assert.ok(command);
    await client.executeCommand(command.command, command.arguments ?? []);
    assert.deepEqual(client.shownDocuments, [{ uri: DOCS, external: true }]);
  });

  it('the disable comment is honoured: the problem goes away', async () => {
    const uri = freshUri();
    const { diagnostics } = await client.open(uri, BLOCKING);
    const [, disable] = await client.codeActions(uri, diagnostics);
    const edit = editOf(disable, uri)[0];
    assert.ok(edit);
    const after = await client.change(uri, [{ range: edit.range, text: edit.newText }]);
    assert.deepEqual(after.diagnostics, []);
  });

  it('offers a fix, fix-all-of-rule (applied through workspace/applyEdit) and source.fixAll.asyncGuard', async () => {
    const uri = freshUri();
    const text = 'let oldName = 1;\noldName += 1;\n';
    const { diagnostics } = await client.open(uri, text);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      [
        ['test-fixable', 0],
        ['test-fixable', 1],
      ],
    );
    const actions = await client.codeActions(uri, diagnostics.slice(0, 1));
    assert.deepEqual(
      actions.map((action) => action.title),
      [
        'Fix this test-fixable problem',
        'Fix all test-fixable problems in this file',
        'Disable test-fixable for this line',
        'Show documentation for test-fixable',
      ],
    );
    assert.equal(actions[0]?.isPreferred, true);
    assert.equal(applyEdits(text, editOf(actions[0], uri)), 'let newName = 1;\noldName += 1;\n');

    const fixAll = actions[1]?.command;
    assert.ok(fixAll);
    await client.executeCommand(fixAll.command, fixAll.arguments ?? []);
    const applied = client.appliedEdits[0]?.edit.documentChanges?.[0];
    assert.ok(applied && 'edits' in applied);
    assert.equal(applyEdits(text, applied.edits as TextEdit[]), 'let newName = 1;\nnewName += 1;\n');

    const source = await client.codeActions(uri, [], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']);
    assert.deepEqual(
      source.map((action) => action.kind),
      ['source.fixAll.asyncGuard'],
    );
    assert.equal(applyEdits(text, editOf(source[0], uri)), 'let newName = 1;\nnewName += 1;\n');
    const quickFixesOnly = await client.codeActions(uri, diagnostics.slice(0, 1), undefined, ['quickfix']);
    assert.ok(quickFixesOnly.every((action) => action.kind === 'quickfix'));
  });

  it('offers "Convert to async/await" (refactor.rewrite) from the prefer-async-await rule under the cursor', async () => {
    const uri = freshUri();
    const text = 'async function run(p) {\n  return p.then((value) => value * 2);\n}\n';
    await client.open(uri, text);
    const cursor = { line: 1, character: 12 };
    const actions = await client.codeActions(uri, [], { start: cursor, end: cursor }, ['refactor']);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [['Convert to async/await', 'refactor.rewrite']],
    );
    assert.equal(applyEdits(text, editOf(actions[0], uri)), 'async function run(p) {\n  return ((value) => value * 2)(await p);\n}\n');
    const elsewhere = await client.codeActions(uri, [], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['refactor']);
    assert.deepEqual(elsewhere, []);

    await client.executeCommand('asyncGuard.server.convertFile', [uri]);
    const applied = client.appliedEdits[0]?.edit.documentChanges?.[0];
    assert.ok(applied && 'edits' in applied);
    assert.equal(applyEdits(text, applied.edits as TextEdit[]), 'async function run(p) {\n  return ((value) => value * 2)(await p);\n}\n');
  });

  it('offers "Convert \'name\' to async/await" on a function with a callback contract, its callers in other files included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-refactor-'));
    const lib = [
      "const fs = require('fs');",
      'function readText(p, cb) {',
      "  fs.readFile(p, 'utf8', (err, text) => {",
      '    if (err) return cb(err);',
      '    cb(null, text.trim());',
      '  });',
      '}',
      'module.exports = { readText };',
      '',
    ].join('\n');
    const main = [
      "const lib = require('./lib');",
      'function show(p) {',
      '  lib.readText(p, (err, text) => {',
      '    if (err) return console.log(err.code);',
      '    console.log(text);',
      '  });',
      '}',
      "show('a.txt');",
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'lib.js'), lib);
    fs.writeFileSync(path.join(dir, 'main.js'), main);
    const uri = pathToFileURL(path.join(dir, 'lib.js')).href;
    const mainUri = pathToFileURL(path.join(dir, 'main.js')).href;
    try {
      await client.open(uri, lib);
      const cursor = { line: 1, character: 10 };
      const actions = await client.codeActions(uri, [], { start: cursor, end: cursor }, ['refactor']);
      const action = actions.find((candidate) => candidate.title.startsWith('Convert \'readText\''));
      assert.equal(action?.title, "Convert 'readText' to async/await (and its callers in 1 other file)");
      assert.equal(action?.kind, 'refactor.rewrite');
      assert.equal(
        applyEdits(lib, editOf(action, uri)),
        [
          "const fs = require('fs');",
          "const { readFile } = require('node:fs/promises');",
          'async function readText(p) {',
          "  const text = await readFile(p, 'utf8');",
          '  return text.trim();',
          '}',
          'module.exports = { readText };',
          '',
        ].join('\n'),
      );
      assert.equal(
        applyEdits(main, editOf(action, mainUri)),
        [
          "const lib = require('./lib');",
          'async function show(p) {',
          '  let text;',
          '  try {',
          '    text = await lib.readText(p);',
          '  } catch (err) {',
          '    return console.log(err.code);',
          '  }',
          '  console.log(text);',
          '}',
          "show('a.txt');",
          '',
        ].join('\n'),
      );
      const onOtherLine = await client.codeActions(uri, [], { start: { line: 7, character: 3 }, end: { line: 7, character: 3 } }, ['refactor']);
      assert.ok(!onOtherLine.some((candidate) => candidate.title.startsWith('Convert \'')), 'only on the line declaring the function');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('updates on incremental changes and survives a syntax error', async () => {
    const uri = freshUri();
    await client.open(uri, BLOCKING);
    // Half-typed code: the parser fails; we publish nothing and keep running.
    const broken = await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, text: '' }]);
    assert.deepEqual(broken.diagnostics, []);
    await client.ping(uri);
    const repaired = await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '}' }]);
    assert.deepEqual(
      repaired.diagnostics.map((diagnostic) => diagnostic.code),
      ['no-sync-in-async'],
    );
    assert.equal(client.exited, false);
  });

  it('logs a crashing rule once and keeps the other rules\' diagnostics', async () => {
    const uri = freshUri();
    const text = `${BLOCKING}let crashMe = 1;\n`;
    const first = await client.open(uri, text);
    assert.deepEqual(
      first.diagnostics.map((diagnostic) => diagnostic.code),
      ['no-sync-in-async'],
    );
    const second = await client.change(uri, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: ' ' }]);
    assert.deepEqual(
      second.diagnostics.map((diagnostic) => diagnostic.code),
      ['no-sync-in-async'],
    );
    const crashLogs = client.logs.filter((line) => line.includes('rule async-guard/test-crash crashed'));
    assert.equal(crashLogs.length, 1);
    assert.equal(client.exited, false);
  });

  it('skips a file over asyncGuard.maxFileSize with one notice', async () => {
    client.settings = { maxFileSize: 50 };
    const uri = freshUri();
    const skipped = await client.open(uri, BLOCKING);
    assert.deepEqual(skipped.diagnostics, []);
    await client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '\n' }]);
    assert.equal(client.messages.length, 1);
    assert.match(client.messages[0]?.message ?? '', /^async-guard: skipped doc\d+\.js: \d+ characters is over asyncGuard\.maxFileSize \(50\)\.$/);
  });

  it('skips a 5 MB minified file under the default limit, quickly', async () => {
    const uri = freshUri('.min.js');
    const minified = `${'var a=function(){return 1};'.repeat(200_000)}\n`;
    assert.ok(minified.length > 5_000_000);
    const started = Date.now();
    const skipped = await client.open(uri, minified);
    assert.deepEqual(skipped.diagnostics, []);
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    assert.equal(client.messages.length, 1);
    assert.match(client.messages[0]?.message ?? '', /over asyncGuard\.maxFileSize \(1000000\)\.$/);
    await client.ping(uri);
  });

  it('applies settings live: rule severity, rule off, enable', async () => {
    const uri = freshUri();
    await client.open(uri, BLOCKING);
    const asError = await client.configure({ rules: { 'no-sync-in-async': 'error' } }, uri);
    assert.deepEqual(
      asError.diagnostics.map((diagnostic: Diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['no-sync-in-async', 1]],
    );
    const off = await client.configure({ rules: { 'no-sync-in-async': 'off' } }, uri);
    assert.deepEqual(off.diagnostics, []);
    await client.configure({}, uri);
    const disabled = await client.configure({ enable: false }, uri);
    assert.deepEqual(disabled.diagnostics, []);
  });

  it('lints syntactically first, then with types inside a TypeScript project', async () => {
    const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'project', 'file.ts');
    const uri = pathToFileURL(fixture).href;
    // Only the type checker knows `io` is node:fs.
    const text = "export async function load(io: typeof import('node:fs')): Promise<string> {\n  return io.readFileSync('a.txt', 'utf8');\n}\n";
    client.settings = { typeAware: 'auto' };
    const typed = client.waitForDiagnostics(uri, (params) => params.version === 1 && client.publishCount(uri, 1) === 2);
    const syntactic = await client.open(uri, text, 'typescript');
    assert.deepEqual(syntactic.diagnostics, []);
    assert.deepEqual(
      (await typed).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character]),
      [['no-sync-in-async', 1, 9]],
    );
    client.settings = { typeAware: 'off' };
    const off = await client.configure({ typeAware: 'off' }, uri);
    assert.deepEqual(off.diagnostics, []);
  });

  it('while typing fast in type-aware mode: never publishes an older version after a newer one, ends with the typed result of the last', async () => {
    const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'project', 'file.ts');
    const uri = pathToFileURL(fixture).href;
    const text = "export async function load(io: typeof import('node:fs')): Promise<string> {\n  return io.readFileSync('a.txt', 'utf8');\n}\n";
    client.settings = { typeAware: 'auto' };
    await client.open(uri, text, 'typescript');
    const edits = 8;
    let last: Promise<PublishDiagnosticsParams> | undefined;
    for (let edit = 1; edit <= edits; edit++) {
      // No waiting between keystrokes: the server must coalesce them.
      last = client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: `// ${edit}\n` }], 2);
    }
    const final = await last;
    assert.equal(final?.version, edits + 1);
    assert.deepEqual(
      final?.diagnostics.map((diagnostic) => diagnostic.code),
      ['no-sync-in-async'],
      'the second publish of the last version carries the typed problem',
    );
    const versions = client.publishOrder.filter((publish) => publish.uri === uri).map((publish) => publish.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `publish order ${versions.join(',')}`);
    assert.ok(versions.length < 2 * (edits + 1), `coalesced: ${versions.length} publishes for ${edits + 1} versions`);
    client.settings = { typeAware: 'off' };
    await client.configure({ typeAware: 'off' }, uri);
  });

  it('survives the type-aware worker ending: logs it, keeps syntactic diagnostics, restarts the worker on the next edit', async () => {
    const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'project', 'file.ts');
    const uri = pathToFileURL(fixture).href;
    const text = "export async function load(io: typeof import('node:fs')): Promise<string> {\n  return io.readFileSync('a.txt', 'utf8');\n}\nconst exitWorker = 1;\n";
    client.settings = { typeAware: 'auto' };
    const stopped = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (client.logs.some((line) => line.includes('the type-aware lint worker stopped (exited with code 3); it restarts with the next edit.'))) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    const syntactic = await client.open(uri, text, 'typescript');
    assert.deepEqual(syntactic.diagnostics, []);
    await stopped;
    assert.equal(client.exited, false);
    // Without the marker, the restarted worker answers with the typed problem.
    const typed = await client.change(uri, [{ range: { start: { line: 3, character: 6 }, end: { line: 3, character: 16 } }, text: 'keepGoing' }], 2);
    assert.deepEqual(typed.diagnostics.map((diagnostic) => diagnostic.code), ['no-sync-in-async']);
    client.settings = { typeAware: 'off' };
    await client.configure({ typeAware: 'off' }, uri);
  });

  it('lints open dependants again when a file they import changes (type-aware)', async () => {
    const fs = await import('node:fs');
    const project = path.join(REPO_ROOT, 'test', 'fixtures', 'project');
    const dependency = pathToFileURL(path.join(project, 'editor-dependency.ts')).href;
    const dependant = pathToFileURL(path.join(project, 'editor-dependant.ts')).href;
    const codes = (params: { diagnostics: Diagnostic[] }) => params.diagnostics.map((diagnostic) => diagnostic.code).join(',');
    await client.open(dependency, fs.readFileSync(path.join(project, 'editor-dependency.ts'), 'utf8'), 'typescript');
    const typed = client.waitForDiagnostics(dependant, (params) => codes(params) === 'no-sync-in-async');
    await client.open(dependant, fs.readFileSync(path.join(project, 'editor-dependant.ts'), 'utf8'), 'typescript');
    await typed;
    // Io is now a local interface, not node:fs: the dependant's problem must go.
    const cleared = client.waitForDiagnostics(dependant, (params) => codes(params) === '');
    await client.change(
      dependency,
      [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: 'export interface Io {\n  readFileSync(file: string, encoding: string): string;\n}\n' }],
      2,
    );
    await cleared;
  });
});

describe('language server and workspace trust', function () {
  this.timeout(30_000);
  const folder = path.join(REPO_ROOT, 'test', 'fixtures', 'editor', 'trust');
  const uri = pathToFileURL(path.join(folder, 'blocking.js')).href;
  let marker: string;
  let client: LspTestClient;

  beforeEach(async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-trust-')), 'marker');
    client = new LspTestClient({ env: { ASYNC_GUARD_CONFIG_MARKER: marker } });
  });
  afterEach(async () => {
    await client.dispose();
    const fs = await import('node:fs');
    fs.rmSync(path.dirname(marker), { recursive: true, force: true });
  });

  it('untrusted: never loads the project eslint.config.js, uses the built-in rules', async () => {
    const fs = await import('node:fs');
    await client.initialize({ workspaceTrusted: false });
    client.settings = { useESLintConfig: true };
    const published = await client.open(uri, fs.readFileSync(path.join(folder, 'blocking.js'), 'utf8'));
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['no-sync-in-async', 2]],
    );
    assert.equal(fs.existsSync(marker), false);
  });

  it('trusted with useESLintConfig: the project config decides the levels', async () => {
    const fs = await import('node:fs');
    await client.initialize({ workspaceTrusted: true });
    client.settings = { useESLintConfig: true };
    const published = await client.open(uri, fs.readFileSync(path.join(folder, 'blocking.js'), 'utf8'));
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [['no-sync-in-async', 1]],
    );
    assert.equal(fs.existsSync(marker), true);
  });
});
