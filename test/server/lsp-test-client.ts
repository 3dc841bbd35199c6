import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { SERVER_EXEC_ARGV } from '../../extension/shared/server-memory';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  Diagnostic,
  PublishDiagnosticsParams,
  ShowDocumentParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const REPO_ROOT = path.join(__dirname, '..', '..', '..');
/** The bundle the extension ships (`npm run build` makes it); tsc's unbundled output when only tsc ran. */
export const SERVER_MAIN = [path.join(REPO_ROOT, 'dist', 'extension', 'server.js'), path.join(REPO_ROOT, 'dist', 'extension', 'server', 'server.js')].find(
  (candidate) => fs.existsSync(candidate),
) as string;
export const TEST_RULES = path.join(__dirname, 'test-rules.js');

export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
  },
  window: { showDocument: { support: true } },
};

interface Waiter {
  uri: string;
  predicate: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

/**
 * A minimal LSP client for tests and the editor benchmark: spawns the server
 * over stdio, answers its requests (configuration, edits, documents) and
 * records what it sends.
 */
export class LspTestClient {
  readonly logs: string[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publish, in order of arrival. */
  readonly publishOrder: { uri: string; version: number | undefined }[] = [];
  /** What `workspace/configuration` answers (null: the client has no such section, as Neovim answers). */
  settings: Record<string, unknown> | null = {};
  private readonly process: ChildProcess;
  private readonly connection: MessageConnection;
  private readonly versions = new Map<string, number>();
  private waiters: Waiter[] = [];
  private readonly publishes = new Map<string, number>();
  exited = false;

  /** `command`: Node arguments of a launcher that takes `--stdio` (the package's bin scripts) instead of the bundle. */
  constructor(options: { serverMain?: string; env?: NodeJS.ProcessEnv; command?: readonly string[] } = {}) {
    const args = options.command === undefined ? [...SERVER_EXEC_ARGV, options.serverMain ?? SERVER_MAIN, '--stdio'] : [...options.command, '--stdio'];
    this.process = spawn(process.execPath, args, {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.process.on('exit', () => {
      this.exited = true;
    });
    const stdout = this.process.stdout;
    const stdin = this.process.stdin;
    if (stdout === null || stdin === null) throw new Error('no stdio');
    this.connection = createMessageConnection(new StreamMessageReader(stdout), new StreamMessageWriter(stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publishOrder.push({ uri: params.uri, version: params.version });
      const key = `${params.uri}@${params.version}`;
      this.publishes.set(key, (this.publishes.get(key) ?? 0) + 1);
      const ready = this.waiters.filter((waiter) => waiter.uri === params.uri && waiter.predicate(params));
      this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
      for (const waiter of ready) waiter.resolve(params);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    this.connection.onNotification('window/showMessage', (params: ShowMessageParams) => this.messages.push(params));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    this.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.listen();
  }

  /** `capabilities`: what the client declares; by default what VS Code's client declares of what the server uses. */
  async initialize(initializationOptions: unknown = {}, capabilities: ClientCapabilities = VSCODE_LIKE_CAPABILITIES): Promise<void> {
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.connection.sendNotification('initialized', {});
  }

  /** Opens a document and resolves with its first diagnostics. */
  open(uri: string, text: string, languageId = 'javascript'): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  /** Sends an incremental change; resolves with the diagnostics published for the new version (`count`-th publish of it). */
  change(uri: string, changes: TextDocumentContentChangeEvent[], count = 1): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, version, count);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return published;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate`. */
  waitForDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  /** How many times diagnostics were published for this version of the document. */
  publishCount(uri: string, version: number): number {
    return this.publishes.get(`${uri}@${version}`) ?? 0;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Changes the settings and tells the server; resolves with the next diagnostics of `uri`. */
  configure(settings: Record<string, unknown>, uri: string): Promise<PublishDiagnosticsParams> {
    this.settings = settings;
    const published = this.nextDiagnostics(uri, undefined);
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    return published;
  }

  /** Pushes settings in the notification itself (clients that do not answer `workspace/configuration`); resolves with the next diagnostics of `uri`. */
  pushConfiguration(settings: unknown, uri: string): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, undefined);
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    return published;
  }

  codeActions(uri: string, diagnostics: Diagnostic[], range = diagnostics[0]?.range, only?: string[]): Promise<CodeAction[]> {
    if (range === undefined) throw new Error('no range');
    const params: CodeActionParams = { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } };
    return this.connection.sendRequest('textDocument/codeAction', params);
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  /** Sends a request the server answers whatever it is doing: proof it is alive. */
  async ping(uri: string): Promise<void> {
    await this.codeActions(uri, [], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  }

  async memoryOfServer(): Promise<number | undefined> {
    const pid = this.process.pid;
    if (pid === undefined) return undefined;
    const status = await fs.promises.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      // Written before the pipe closes: a write to a killed server's stdin throws.
      await this.connection.sendNotification('exit');
      await Promise.race([new Promise((resolve) => this.process.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (!this.exited) this.process.kill();
  }

  private nextDiagnostics(uri: string, version: number | undefined, count = 1): Promise<PublishDiagnosticsParams> {
    let seen = 0;
    return new Promise((resolve) => {
      this.waiters.push({
        uri,
        predicate: (params) => (version === undefined || params.version === version) && ++seen >= count,
        resolve,
      });
    });
  }
}
