#!/usr/bin/env node
'use strict';
// The language server for any LSP editor: `async-guard-language-server --stdio`.
const runBuilt = require('./run-built.js');

runBuilt('async-guard-language-server', 'dist/cli/language-server-command.js', (command) =>
  command.runLanguageServer(process.argv.slice(2).filter((argument) => argument !== '--lsp'), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
);
