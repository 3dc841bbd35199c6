/**
 * The VS Code side: starts the language server, passes the workspace's trust,
 * and wires the commands. Everything else happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ServerCommands, type InitializationOptions } from '../shared/protocol';
import { SERVER_EXEC_ARGV } from '../shared/server-memory';

const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];

let client: LanguageClient | undefined;

/** What `activate` returns (the extension's API): its own timings, read by the tests and the editor benchmark. */
export interface AsyncGuardApi {
  /** Milliseconds spent inside `activate`. */
  activationMs: number;
  /** Resolves with the milliseconds from starting the server to its `initialize` answer. */
  serverReady: Promise<number>;
}

export function activate(context: vscode.ExtensionContext): AsyncGuardApi {
  const activationStarted = performance.now();
  const output = vscode.window.createOutputChannel('async-guard');
  context.subscriptions.push(output);
  client = createClient(context, output);

  context.subscriptions.push(
    vscode.commands.registerCommand('asyncGuard.fixAll', () => runOnActiveEditor(ServerCommands.applyFixAll)),
    vscode.commands.registerCommand('asyncGuard.convertFile', () => runOnActiveEditor(ServerCommands.convertFile)),
    vscode.commands.registerCommand('asyncGuard.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('asyncGuard.restart', async () => {
      await client?.restart();
      output.appendLine('async-guard: server restarted');
    }),
    // Trust changes what the server may load (the project's eslint.config.*): start it again with the new answer.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      client = createClient(context, output);
      await client.start();
    }),
  );

  const serverStart = performance.now();
  const serverReady = client.start().then(
    () => {
      const ms = performance.now() - serverStart;
      output.appendLine(`async-guard: server ready in ${Math.round(ms)} ms`);
      return ms;
    },
    (error: unknown) => {
      output.appendLine(`async-guard: the server did not start: ${String(error)}`);
      return Number.NaN;
    },
  );
  const activationMs = performance.now() - activationStarted;
  output.appendLine(`async-guard: activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, serverReady };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'extension', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { workspaceTrusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions,
    outputChannel: output,
  };
  // The id `asyncGuard` makes the client read `asyncGuard.trace.server`.
  return new LanguageClient('asyncGuard', 'async-guard', serverOptions, clientOptions);
}

async function runOnActiveEditor(command: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || client === undefined) return;
  await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [editor.document.uri.toString()] });
}
