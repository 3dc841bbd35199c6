/**
 * The language server's entry (bundled to dist/extension/server.js). Speaks
 * LSP over node IPC when VS Code starts it, or `--stdio` for other editors.
 * The same file runs the type-aware lint worker thread (typed-linter.ts).
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import plugin from '../../rules/index';
import { startServer } from './language-server';
import { withTestRules } from './test-rules';
import { TYPED_WORKER_ROLE } from './typed-linter';
import { runTypedLintWorker } from './typed-lint-worker';

if (!isMainThread && (workerData as { role?: unknown } | undefined)?.role === TYPED_WORKER_ROLE) {
  runTypedLintWorker(withTestRules(plugin));
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A failed request to the client (one that does not implement it) must not end the server.
  process.on('unhandledRejection', (reason) => connection.console.error(`async-guard: ${String(reason)}`));
  startServer(connection, withTestRules(plugin), __filename);
}
