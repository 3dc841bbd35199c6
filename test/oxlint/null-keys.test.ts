import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

describe('no rule reads an optional AST key that oxlint sets to null', function () {
  this.timeout(180_000);

  it('type-checks with those keys typed `T | null | undefined` (scripts/check-oxlint-nulls.js)', () => {
    const script = path.join(__dirname, '..', '..', '..', 'scripts', 'check-oxlint-nulls.js');
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /no direct read of the \d+ optional AST keys/);
  });
});
