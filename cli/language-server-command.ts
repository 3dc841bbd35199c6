/**
 * `async-guard-language-server --stdio` (and `async-guard --lsp --stdio`): starts
 * the bundled language server in a child Node process with the young
 * generation it needs (extension/shared/server-memory.ts), which a process
 * cannot give itself once started. The child shares the transport: stdio,
 * a socket or pipe by argument, or node IPC relayed through this process.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVER_EXEC_ARGV } from '../extension/shared/server-memory';

export const LANGUAGE_SERVER_USAGE = `Usage: async-guard-language-server --stdio
       async-guard --lsp --stdio

Starts the async-guard language server (LSP). Your editor runs this command
and talks to it; the transport is one of:
  --stdio                 over stdin/stdout (what most editors use)
  --node-ipc              over Node's IPC channel (a Node parent process)
  --socket=<port>         over a TCP socket on localhost
  --pipe=<name>           over a named pipe / Unix socket

Settings come from the editor (initializationOptions, workspace/configuration,
workspace/didChangeConfiguration): see docs/editor.md.`;

/** The bundled server, next to this file's compiled folder: dist/cli → dist/extension/server.js. */
export const SERVER_BUNDLE = path.join(__dirname, '..', 'extension', 'server.js');

export interface LanguageServerIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const TRANSPORT = /^--(?:stdio|node-ipc|socket=\d+|pipe=.+)$/;

export function hasTransport(argv: readonly string[]): boolean {
  return argv.some((argument) => TRANSPORT.test(argument));
}

/** The Node arguments of the server process. */
export function serverArguments(argv: readonly string[], bundle = SERVER_BUNDLE): string[] {
  return [...SERVER_EXEC_ARGV, bundle, ...argv];
}

/** Resolves with the exit code: the server's, or 2 for a usage error, 0 for --help. */
export function runLanguageServer(argv: readonly string[], io: LanguageServerIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${LANGUAGE_SERVER_USAGE}\n`);
    return Promise.resolve(0);
  }
  if (!hasTransport(argv)) {
    io.stderr(`async-guard-language-server: no transport given: editors start it with --stdio.\n\n${LANGUAGE_SERVER_USAGE}\n`);
    return Promise.resolve(2);
  }
  if (!fs.existsSync(SERVER_BUNDLE)) {
    io.stderr(`async-guard-language-server: ${SERVER_BUNDLE} is missing: run \`npm run build\` first.\n`);
    return Promise.resolve(2);
  }
  const relayIpc = argv.includes('--node-ipc') && process.send !== undefined;
  const child = spawn(process.execPath, serverArguments(argv), { stdio: relayIpc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit' });
  if (relayIpc) {
    process.on('message', (message) => child.send(message as never));
    child.on('message', (message) => process.send?.(message));
  }
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward(signal));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      io.stderr(`async-guard-language-server: could not start the server: ${error.message}\n`);
      resolve(2);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128 + (os.constants.signals[signal] ?? 0))));
  });
}
