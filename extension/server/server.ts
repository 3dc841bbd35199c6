/**
 * The language server's entry (bundled to dist/extension/server.js). Speaks
 * LSP over node IPC when VS Code starts it, or `--stdio` for other editors.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import plugin = require('../../rules/index');
import { startServer } from './language-server';
import type { LintPlugin } from './plugin-shape';
import { withTestRules } from './test-rules';

startServer(createConnection(ProposedFeatures.all), withTestRules(plugin as unknown as LintPlugin));
