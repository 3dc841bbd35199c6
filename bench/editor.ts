/**
 * `npm run bench:editor`: what a user of the editor feels, measured over LSP
 * against the bundled language server (dist/extension/server.js).
 *
 * - edit-to-diagnostics latency (p50/p95) on a 2,000-line file: time from
 *   sending `didChange` to the `publishDiagnostics` of that version;
 *   syntactic on the JavaScript and on the TypeScript version of the file, and
 *   type-aware (the second publish of the version, inside a tsconfig project,
 *   linted in the server's worker thread);
 * - server start (spawn → `initialize` answered) and the client bundle's
 *   load + `activate()` time (VS Code API stubbed; the integration suite
 *   prints the real one from code-server);
 * - server memory (RSS) after each phase.
 *
 * Writes .bench/editor.json. Options: --edits N (default 40).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, REPO_ROOT } from '../test/server/lsp-test-client';
import { measureActivation } from './editor-activation';

const LINES = 2000;
const editsArg = process.argv.indexOf('--edits');
const EDITS = editsArg === -1 ? 40 : Number(process.argv[editsArg + 1]);

function block(index: number, typed: boolean): string[] {
  const t = (annotation: string) => (typed ? annotation : '');
  return [
    `// block ${index}`,
    `function readConfig${index}(file${t(': string')}, callback${t(': (error: Error | null, value?: unknown) => void')}) {`,
    `  fs.readFile(file, 'utf8', function (err, text) {`,
    '    if (err) return callback(err);',
    '    callback(null, JSON.parse(text));',
    '  });',
    '}',
    `async function load${index}(name${t(': string')}) {`,
    "  const raw = fs.readFileSync(name, 'utf8');",
    '  return raw.trim();',
    '}',
    `async function sizes${index}(files${t(': string[]')}) {`,
    '  return Promise.all(files.map(async (file) => {',
    "    const text = await fs.promises.readFile(file, 'utf8');",
    '    return text.length;',
    '  }));',
    '}',
    `export const timer${index} = setTimeout(() => console.log('tick ${index}'), 10);`,
  ];
}

function source(typed: boolean): string {
  const lines = ['// edit 0', typed ? "import * as fs from 'node:fs';" : "const fs = require('node:fs');"];
  for (let index = 0; lines.length < LINES; index++) lines.push(...block(index, typed));
  return `${lines.slice(0, LINES).join('\n')}\n`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Phase {
  firstDiagnosticsMs: number;
  diagnostics: number;
  p50: number;
  p95: number;
  max: number;
  rssMB: number | undefined;
}

async function measureEdits(client: LspTestClient, uri: string, text: string, languageId: string, publishesPerEdit: number): Promise<Phase> {
  const opened = performance.now();
  let first = await client.open(uri, text, languageId);
  if (publishesPerEdit === 2) first = await waitForSecond(client, uri, first.version ?? 1);
  const firstDiagnosticsMs = performance.now() - opened;
  const latencies: number[] = [];
  let diagnostics = first.diagnostics.length;
  for (let edit = 1; edit <= EDITS; edit++) {
    const start = performance.now();
    const published = await client.change(
      uri,
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: `// edit ${edit - 1}`.length } }, text: `// edit ${edit}` }],
      publishesPerEdit,
    );
    latencies.push(performance.now() - start);
    diagnostics = published.diagnostics.length;
  }
  const rss = await client.memoryOfServer();
  return {
    firstDiagnosticsMs: round(firstDiagnosticsMs),
    diagnostics,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(Math.max(...latencies)),
    rssMB: rss === undefined ? undefined : round(rss / 1024 / 1024),
  };
}

/** The type-aware publish follows the syntactic one for the same version. */
function waitForSecond(client: LspTestClient, uri: string, version: number): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const latest = client.diagnostics.get(uri);
      if (latest !== undefined && latest.version === version && client.publishCount(uri, version) >= 2) {
        clearInterval(poll);
        resolve(latest);
      }
    }, 5);
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function main(): Promise<void> {
  const workDir = path.join(REPO_ROOT, '.bench', 'editor-project');
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  fs.writeFileSync(
    path.join(workDir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'node16', types: ['node'], noEmit: true }, include: ['*.ts'] }),
  );
  const tsFile = path.join(workDir, 'big.ts');
  const tsText = source(true);
  fs.writeFileSync(tsFile, tsText);
  const jsText = source(false);

  const spawned = performance.now();
  const client = new LspTestClient();
  await client.initialize();
  const serverStartMs = round(performance.now() - spawned);

  client.settings = { typeAware: 'off' };
  const jsUri = pathToFileURL(path.join(workDir, 'outside', 'big.js')).href;
  const syntactic = await measureEdits(client, jsUri, jsText, 'javascript', 1);
  client.close(jsUri);
  const tsSyntacticUri = pathToFileURL(path.join(workDir, 'outside', 'big.ts')).href;
  const syntacticTs = await measureEdits(client, tsSyntacticUri, tsText, 'typescript', 1);
  client.close(tsSyntacticUri);
  client.settings = { typeAware: 'auto' };
  const typeAware = await measureEdits(client, pathToFileURL(tsFile).href, tsText, 'typescript', 2);
  await client.dispose();

  const activation = await measureActivation();
  const result = {
    date: new Date().toISOString(),
    // The machine is shared: the load average says how much the numbers are inflated.
    loadAverage: os.loadavg().map((load) => round(load)),
    cpus: os.cpus().length,
    node: process.version,
    lines: LINES,
    edits: EDITS,
    debounceMs: 0,
    serverStartMs,
    activation,
    syntactic,
    syntacticTs,
    typeAware,
  };
  fs.writeFileSync(path.join(REPO_ROOT, '.bench', 'editor.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`editor bench: ${LINES}-line file, ${EDITS} edits each (no typing debounce); ${result.cpus} CPUs, load average ${result.loadAverage.join(' ')}`);
  console.log(`  server start (spawn → initialize answered): ${serverStartMs} ms`);
  console.log(`  client bundle load + activate(), VS Code API stubbed: ${activation.loadAndActivateMs} ms (activate() alone ${activation.activateMs} ms)`);
  for (const [name, phase] of [['syntactic JS', syntactic], ['syntactic TS', syntacticTs], ['type-aware TS', typeAware]] as const) {
    console.log(
      `  ${name.padEnd(13)}: first diagnostics ${phase.firstDiagnosticsMs} ms, edit→diagnostics p50 ${phase.p50} ms, p95 ${phase.p95} ms, max ${phase.max} ms, ${phase.diagnostics} diagnostics, server RSS ${phase.rssMB} MB`,
    );
  }
}

main().then(
  // The stand-in activation leaves a language client object behind: end here.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
