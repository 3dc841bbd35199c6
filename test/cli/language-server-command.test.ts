import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverArguments, SERVER_BUNDLE } from '../../cli/language-server-command';
import { LspTestClient, REPO_ROOT } from '../server/lsp-test-client';

const BIN = path.join(REPO_ROOT, 'bin', 'async-guard-language-server.js');
const CLI = path.join(REPO_ROOT, 'bin', 'async-guard.js');
const BLOCKING = "const fs = require('fs');\nasync function load() {\n  return fs.readFileSync('a.txt', 'utf8');\n}\n";

describe('async-guard-language-server command', function () {
  this.timeout(30_000);

  for (const [name, argv] of [
    ['async-guard-language-server', [BIN]],
    ['async-guard --lsp', [CLI, '--lsp']],
  ] as const) {
    it(`${name} without a transport: a usage message on stderr, exit 2`, () => {
      const result = spawnSync(process.execPath, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^async-guard-language-server: no transport given: editors start it with --stdio\.\n\nUsage: async-guard-language-server --stdio\n/);
    });

    it(`${name} --stdio answers initialize and publishes diagnostics`, async () => {
      const client = new LspTestClient({ command: argv });
      try {
        await client.initialize({}, {});
        const uri = pathToFileURL(path.join('/tmp', 'async-guard-command', 'a.js')).href;
        const published = await client.open(uri, BLOCKING);
        assert.deepEqual(
          published.diagnostics.map((diagnostic) => diagnostic.code),
          ['no-sync-in-async'],
        );
      } finally {
        await client.dispose();
      }
    });
  }

  it('--help: the usage on stdout, exit 0', () => {
    const result = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /--stdio {17}over stdin\/stdout/);
  });

  it('starts the bundle with the memory flag the server needs, passing the transport on', () => {
    assert.deepEqual(serverArguments(['--stdio']), ['--max-semi-space-size=64', SERVER_BUNDLE, '--stdio']);
    assert.equal(SERVER_BUNDLE, path.join(REPO_ROOT, 'dist', 'extension', 'server.js'));
  });
});
