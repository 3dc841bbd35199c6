import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { minifiedBundle, ODD_INPUTS, pyramid, RECURSIVE_GENERIC, TYPED_WITNESS, WITNESS, type OddInput } from '../robust/odd-inputs';
import { LspTestClient } from './lsp-test-client';

/**
 * The inputs that once killed a run (crash-inputs.test.ts has the CLI's
 * side), opened in the real language server process at Node's default stack
 * (the server's own exec arguments, no `--stack-size`): the process must stay
 * up, each odd document gets diagnostics or one clear notice, and a normal
 * document opened afterwards still gets its findings.
 */

const NOTICE_CODE = 'skipped';

function uriOf(dir: string, input: OddInput): string {
  return pathToFileURL(path.join(dir, input.name)).href;
}

function languageOf(input: OddInput): string {
  return input.name.endsWith('.ts') ? 'typescript' : 'javascript';
}

/** Resolves with the first publish for `uri`, or fails with the server's logs after `ms`. */
async function within<T>(client: LspTestClient, what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing published in ${ms} ms (server ${client.exited ? 'exited' : 'alive'})\n${client.logs.join('\n')}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function notices(params: PublishDiagnosticsParams): Diagnostic[] {
  return params.diagnostics.filter((diagnostic) => diagnostic.code === NOTICE_CODE);
}

function write(dir: string, inputs: readonly OddInput[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const input of inputs) fs.writeFileSync(path.join(dir, input.name), input.text);
}

describe('language server: inputs that once killed a run, at the default stack (server child process)', function () {
  this.timeout(300_000);
  let dir: string;
  let client: LspTestClient;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-server-crash-inputs-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    await client.dispose();
  });

  it('pyramids 300, 500, 3,000 deep and odd shapes: each gets diagnostics or one notice, the server lives, a normal file still gets its findings', async () => {
    const folder = path.join(dir, 'syntactic');
    const inputs = [pyramid(300), pyramid(500), pyramid(3000), ...ODD_INPUTS];
    write(folder, [...inputs, WITNESS]);
    // Every odd input is linted, none left out for its size.
    client = new LspTestClient();
    client.settings = { maxFileSize: 8 * 1024 * 1024 };
    await client.initialize();
    const published = new Map<string, PublishDiagnosticsParams>();
    for (const input of inputs) {
      const params = await within(client, input.name, 120_000, client.open(uriOf(folder, input), input.text, languageOf(input)));
      published.set(input.name, params);
      assert.equal(client.exited, false, `the server died on ${input.name}`);
      await client.ping(uriOf(folder, input));
    }
    // Refused for their nesting (as in the CLI, which skips some of them earlier as minified): one Information diagnostic saying so, nothing else.
    const refused = ['pyramid-300.js', 'pyramid-500.js', 'pyramid-3000.js', 'nested-arrays.js', 'nested-objects.js', 'nested-functions.js', 'nested-templates.js'];
    const chained = ['binary-chain.js', 'ternary-chain.js', 'then-chain.js'];
    for (const name of [...refused, ...chained]) {
      const params = published.get(name) as PublishDiagnosticsParams;
      assert.equal(params.diagnostics.length, 1, `${name}: ${JSON.stringify(params.diagnostics)}`);
      const [notice] = notices(params);
      assert.ok(notice, `${name}: no notice`);
      assert.equal(notice.severity, 3);
      assert.equal(notice.source, 'async-guard');
      const reason = refused.includes(name) ? /^async-guard skipped this file: nested \d+ brackets deep, more than the \d+ async-guard can read at this stack size\.$/ : /^async-guard skipped this file: an expression chains \d+ operators, more than the \d+ async-guard can read at this stack size\.$/;
      assert.match(notice.message, reason, name);
      assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    }
    // The rest is linted: its usual findings, no notice.
    const codes = (name: string) => published.get(name)?.diagnostics.map((d) => d.code);
    assert.equal(codes('huge-switch.js')?.filter((code) => code === 'no-unchecked-callback-error').length, 5000);
    assert.deepEqual(codes('ten-thousand-statements.js'), [], 'every callback checks its error');
    assert.deepEqual(codes('bom-crlf.js'), ['no-unchecked-callback-error']);
    assert.deepEqual(codes('null-bytes.js'), ['no-unchecked-callback-error']);
    assert.deepEqual(codes('recursive-types.ts'), ['no-floating-promise']);
    assert.deepEqual(codes('giant-string.js'), []);
    assert.deepEqual(codes('template-chain.js'), []);
    // One log line per skipped document, however often it is linted.
    assert.equal(client.logs.filter((line) => line.startsWith('async-guard: skipped ')).length, refused.length + chained.length, client.logs.join('\n'));
    // A normal document afterwards: its finding, as before.
    const witness = await within(client, WITNESS.name, 60_000, client.open(uriOf(folder, WITNESS), WITNESS.text));
    assert.deepEqual(
      witness.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['no-unchecked-callback-error', 1]],
    );
    assert.equal(client.exited, false);
  });

  it('a 2 MB minified bundle: one notice under the default size limit; linted when the limit lets it in; the server lives', async () => {
    const folder = path.join(dir, 'bundle');
    const bundle = minifiedBundle(2 * 1024 * 1024);
    write(folder, [bundle, WITNESS]);
    client = new LspTestClient();
    await client.initialize();
    const skipped = await within(client, 'bundle (default limit)', 60_000, client.open(uriOf(folder, bundle), bundle.text));
    assert.deepEqual(skipped.diagnostics, []);
    assert.equal(client.messages.length, 1);
    assert.match(client.messages[0]?.message ?? '', /^async-guard: skipped bundle\.js: \d+ characters is over asyncGuard\.maxFileSize \(1000000\)\.$/);
    client.close(uriOf(folder, bundle));
    client.settings = { maxFileSize: 8 * 1024 * 1024 };
    // Settings are asked for again once a document is closed.
    const linted = await within(client, 'bundle (8 MB limit)', 240_000, client.open(uriOf(folder, bundle), bundle.text));
    assert.equal(client.exited, false);
    assert.ok(linted.diagnostics.length > 0, 'the bundle has findings (sync calls in async functions)');
    const witness = await within(client, WITNESS.name, 60_000, client.open(uriOf(folder, WITNESS), WITNESS.text));
    assert.deepEqual(witness.diagnostics.map((d) => d.code), ['no-unchecked-callback-error']);
  });

  it('type-aware: the recursive generic does not stop the server; the typed witness still gets its typed finding', async () => {
    const folder = path.join(dir, 'typed');
    const recursiveTypes = ODD_INPUTS.find((input) => input.name === 'recursive-types.ts') as OddInput;
    write(folder, [RECURSIVE_GENERIC, recursiveTypes, TYPED_WITNESS]);
    fs.writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'commonjs', noEmit: true }, include: ['*.ts'] }));
    client = new LspTestClient();
    client.settings = { typeAware: 'on' };
    await client.initialize();
    for (const input of [RECURSIVE_GENERIC, recursiveTypes]) {
      const uri = uriOf(folder, input);
      // The second publish of version 1 is the type-aware one.
      const typed = client.waitForDiagnostics(uri, (params) => params.version === 1 && client.publishCount(uri, 1) === 2);
      await within(client, input.name, 120_000, client.open(uri, input.text, 'typescript'));
      await within(client, `${input.name} (typed)`, 120_000, typed);
      assert.equal(client.exited, false, `the server died on ${input.name}`);
    }
    assert.deepEqual(
      client.logs.filter((line) => /worker stopped|crashed|failed/.test(line)),
      [],
      'no rule crashed and the worker did not stop',
    );
    // Pyramids inside the project. The type-aware worker thread has a larger stack (Node gives workers 4 MB):
    // it lints 300 levels, which the main thread refuses, and refuses 3,000 levels with the same notice.
    for (const depth of [300, 3000]) {
      const deep: OddInput = { name: `pyramid-${depth}.ts`, text: `declare function require(name: string): any;\n${pyramid(depth).text}` };
      write(folder, [deep]);
      const deepUri = uriOf(folder, deep);
      const deepTyped = client.waitForDiagnostics(deepUri, (params) => params.version === 1 && client.publishCount(deepUri, 1) === 2);
      const syntactic = await within(client, deep.name, 60_000, client.open(deepUri, deep.text, 'typescript'));
      const withTypes = await within(client, `${deep.name} (typed)`, 60_000, deepTyped);
      const notice = [['skipped', 3, 'async-guard skipped this file: nested N brackets deep, more than the N async-guard can read at this stack size.']];
      const shown = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => [d.code, d.severity, d.message.replace(/\d+/g, 'N')]);
      assert.deepEqual(shown(syntactic), notice, `syntactic pass of ${deep.name}`);
      assert.deepEqual(shown(withTypes), depth === 300 ? [] : notice, `type-aware pass of ${deep.name}`);
    }
    const uri = uriOf(folder, TYPED_WITNESS);
    const typed = client.waitForDiagnostics(uri, (params) => params.version === 1 && client.publishCount(uri, 1) === 2);
    await within(client, TYPED_WITNESS.name, 60_000, client.open(uri, TYPED_WITNESS.text, 'typescript'));
    const witness = await within(client, `${TYPED_WITNESS.name} (typed)`, 120_000, typed);
    assert.deepEqual(
      witness.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['no-floating-promise', 1, 30]],
    );
  });
});
