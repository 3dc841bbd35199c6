#!/usr/bin/env node
'use strict';

if (process.argv.includes('--lsp')) {
  // The language server: skip loading the CLI (ESLint) in this launcher process.
  require('./async-guard-language-server.js');
  return;
}

let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('async-guard: the package is not built yet: run `npm run build` first.\n');
    process.exit(2);
  }
  throw error;
}

// `async-guard … | head`: the reader went away; stop quietly, as other command-line tools do.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`async-guard: internal error: ${error && error.message ? error.message : error}\n`);
    process.stderr.write('Please report it with the file that caused it: https://github.com/async-guard/async-guard/issues\n');
    process.exitCode = 2;
  },
);
