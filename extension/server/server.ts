/**
 * The language server's entry (bundled to dist/extension/server.js). Speaks
 * LSP over node IPC when VS Code starts it, or `--stdio` for other editors.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import plugin from '../../rules/index';
import { startServer } from './language-server';
import { withTestRules } from './test-rules';

const connection = createConnection(ProposedFeatures.all);
// A failed request to the client (one that does not implement it) must not end the server.
process.on('unhandledRejection', (reason) => connection.console.error(`async-guard: ${String(reason)}`));
startServer(connection, withTestRules(plugin));
