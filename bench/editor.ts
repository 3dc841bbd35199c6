/**
 * `npm run bench:editor`: what a user of the editor feels, measured over LSP
 * against the bundled language server (dist/extension/server.js).
 *
 * - edit-to-diagnostics latency (p50/p95) on a 2,000-line file: time from
 *   sending `didChange` to the `publishDiagnostics` of that version;
 *   syntactic on the JavaScript and on the TypeScript version of the file, and
 *   type-aware (the second publish of the version, inside a tsconfig project,
 *   linted in the server's worker thread). Each phase opens its file, makes
 *   WARM_UP edits (reported apart: V8 is still compiling the code paths the
 *   file's language takes), then EDITS edits at typing speed (one every
 *   TYPING_MS, or as soon as the previous diagnostics arrive when linting
 *   takes longer), then EDITS edits back to back (each sent the moment the
 *   previous one's diagnostics arrive: the server never idles);
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
const WARM_UP = 5;
/** 80 words a minute: a fast typist. */
const TYPING_MS = 150;

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

interface Latencies {
  p50: number;
  p95: number;
  max: number;
}

interface Phase {
  firstDiagnosticsMs: number;
  /** The slowest of the first WARM_UP edits. */
  warmUpMaxMs: number;
  typing: Latencies;
  backToBack: Latencies;
  diagnostics: number;
  rssMB: number | undefined;
}

async function measurePhase(client: LspTestClient, uri: string, text: string, languageId: string, publishesPerEdit: number): Promise<Phase> {
  const opened = performance.now();
  let first = await client.open(uri, text, languageId);
  if (publishesPerEdit === 2) first = await waitForSecond(client, uri, first.version ?? 1);
  const firstDiagnosticsMs = performance.now() - opened;
  let edit = 0;
  let diagnostics = first.diagnostics.length;
  const editAndWait = async (): Promise<number> => {
    edit++;
    const start = performance.now();
    const published = await client.change(
      uri,
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: `// edit ${edit - 1}`.length } }, text: `// edit ${edit}` }],
      publishesPerEdit,
    );
    diagnostics = published.diagnostics.length;
    return performance.now() - start;
  };
  const series = async (count: number, everyMs: number): Promise<number[]> => {
    const latencies: number[] = [];
    for (let index = 0; index < count; index++) {
      const latency = await editAndWait();
      latencies.push(latency);
      if (latency < everyMs) await new Promise((resolve) => setTimeout(resolve, everyMs - latency));
    }
    return latencies;
  };
  const warmUp = await series(WARM_UP, TYPING_MS);
  const typing = await series(EDITS, TYPING_MS);
  const backToBack = await series(EDITS, 0);
  const rss = await client.memoryOfServer();
  return {
    firstDiagnosticsMs: round(firstDiagnosticsMs),
    warmUpMaxMs: round(Math.max(...warmUp)),
    typing: summary(typing),
    backToBack: summary(backToBack),
    diagnostics,
    rssMB: rss === undefined ? undefined : round(rss / 1024 / 1024),
  };
}

function summary(latencies: number[]): Latencies {
  return { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(Math.max(...latencies)) };
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
  const syntactic = await measurePhase(client, jsUri, jsText, 'javascript', 1);
  client.close(jsUri);
  const tsSyntacticUri = pathToFileURL(path.join(workDir, 'outside', 'big.ts')).href;
  const syntacticTs = await measurePhase(client, tsSyntacticUri, tsText, 'typescript', 1);
  client.close(tsSyntacticUri);
  client.settings = { typeAware: 'auto' };
  const typeAware = await measurePhase(client, pathToFileURL(tsFile).href, tsText, 'typescript', 2);
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
    warmUpEdits: WARM_UP,
    typingMs: TYPING_MS,
    debounceMs: 0,
    serverStartMs,
    activation,
    syntactic,
    syntacticTs,
    typeAware,
  };
  fs.writeFileSync(path.join(REPO_ROOT, '.bench', 'editor.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`editor bench: ${LINES}-line file; per phase ${WARM_UP} warm-up edits, ${EDITS} at typing speed (one per ${TYPING_MS} ms), ${EDITS} back to back; ${result.cpus} CPUs, load average ${result.loadAverage.join(' ')}`);
  console.log(`  server start (spawn → initialize answered): ${serverStartMs} ms`);
  console.log(`  client bundle load + activate(), VS Code API stubbed: ${activation.loadAndActivateMs} ms (activate() alone ${activation.activateMs} ms)`);
  const line = (latencies: Latencies) => `p50 ${latencies.p50} ms, p95 ${latencies.p95} ms, max ${latencies.max} ms`;
  for (const [name, phase] of [['syntactic JS', syntactic], ['syntactic TS', syntacticTs], ['type-aware TS', typeAware]] as const) {
    console.log(`  ${name}: ${phase.diagnostics} diagnostics, first after ${phase.firstDiagnosticsMs} ms, warm-up edits up to ${phase.warmUpMaxMs} ms, server RSS ${phase.rssMB} MB`);
    console.log(`    edit→diagnostics typing:       ${line(phase.typing)}`);
    console.log(`    edit→diagnostics back to back: ${line(phase.backToBack)}`);
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
