import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, openWithDiagnostics } from './helpers';

describe('async-guard in an untrusted workspace', () => {
  it('runs the built-in rules and never executes the workspace eslint.config.js', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.workspace.getConfiguration('asyncGuard').get('useESLintConfig'), true, 'the user setting asks for the project config');
    const { diagnostics } = await openWithDiagnostics('blocking.js');
    // The project config would make it an error; the built-in level is a warning.
    assert.deepEqual(
      diagnostics.map((diagnostic) => [codeOf(diagnostic), diagnostic.severity]),
      [['no-sync-in-async', vscode.DiagnosticSeverity.Warning]],
    );
    const marker = process.env.ASYNC_GUARD_CONFIG_MARKER;
    assert.ok(marker);
    assert.equal(fs.existsSync(marker), false, 'eslint.config.js ran');
  });
});
