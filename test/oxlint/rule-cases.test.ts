import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { comparedOxlintRun, createComparedEslint, diffFindings, eslintFindings, oxlintFindings, pluginErrors, type EngineFindings, type Finding, type RuleSetup } from '../../bench/engine-diff';
import { findOxlint, type OxlintInstall } from '../../cli/oxlint/find-oxlint';
import { runOxlint } from '../../cli/oxlint/run-oxlint';
import { syntacticCases } from '../rules/rule-tester';
import { applyFirstSuggestions } from './apply-suggestions';
import { writeCaseBatch, type CaseBatch } from './case-batch';
// The rule tests fill `syntacticCases` as they load (and run under ESLint as usual).
import '../rules/max-callback-depth.test';
import '../rules/no-floating-promise.test';
import '../rules/no-floating-promise-void-return.test';
import '../rules/no-sync-in-async.test';
import '../rules/no-unchecked-callback-error.test';
import '../rules/prefer-async-await.test';

const PACKAGE_ROOT = path.join(__dirname, '..', '..', '..');
const describeFinding = (finding: Finding): string => `${finding.file}:${finding.line}:${finding.column} ${finding.rule ?? 'fatal'}: ${finding.message}`;

/** Fails with every difference listed, not the first. */
function assertSameFindings(eslint: EngineFindings, oxlint: EngineFindings, where: (finding: Finding) => boolean = () => true): void {
  const diff = diffFindings(eslint.findings.filter(where), oxlint.findings.filter(where));
  const errors = pluginErrors(oxlint.failures.filter(where));
  const lines = [
    ...diff.onlyEslint.map((finding) => `only ESLint: ${describeFinding(finding)}`),
    ...diff.onlyOxlint.map((finding) => `only oxlint: ${describeFinding(finding)}`),
    ...diff.messageDiffers.map(([a, b]) => `message: ${describeFinding(a)}\n  oxlint: ${b.message}`),
    ...errors.map((finding) => `plugin error: ${finding.file}: ${finding.message.split('\n').slice(2, 3).join('')}`),
  ];
  assert.equal(lines.length, 0, lines.join('\n'));
  assert.ok(diff.same > 0 || eslint.findings.filter(where).length === 0);
}

/** The oxlint of the devDependencies, and the lowest version package.json accepts (`oxlint-lowest`, an npm alias). */
const INSTALLS: OxlintInstall[] = [findOxlint(PACKAGE_ROOT), findOxlint(PACKAGE_ROOT, 'oxlint-lowest', { anyVersion: true })];

for (const install of INSTALLS) describe(`oxlint ${install.version} runs the plugin with the findings ESLint gives`, function () {
  this.timeout(300_000);
  let batch: CaseBatch;
  let setup: RuleSetup;
  let eslint: EngineFindings;
  let oxlint: EngineFindings;

  before(async () => {
    batch = writeCaseBatch(fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-oxlint-cases-')), syntacticCases);
    setup = { rules: {}, overrides: batch.files.map((file) => ({ files: [file.file], rules: { [`async-guard/${file.rule}`]: file.entry } })) };
    const files = batch.files.map((file) => path.join(batch.dir, file.file));
    [eslint, oxlint] = await Promise.all([eslintFindings(files, batch.dir, setup), oxlintFindings(files, batch.dir, { ...setup, install })]);
  });
  after(() => fs.rmSync(batch.dir, { recursive: true, force: true }));

  it('has every rule test file and almost every case to compare', () => {
    assert.deepEqual([...new Set(syntacticCases.map((cases) => cases.rule))].sort(), ['max-callback-depth', 'no-floating-promise', 'no-sync-in-async', 'no-unchecked-callback-error', 'prefer-async-await']);
    assert.ok(batch.files.length > 500, `${batch.files.length} case files`);
    assert.ok(batch.skipped <= 5, `${batch.skipped} cases set language options`);
    assert.ok(eslint.findings.length > 300, `${eslint.findings.length} ESLint findings`);
  });

  for (const rule of ['max-callback-depth', 'no-floating-promise', 'no-sync-in-async', 'no-unchecked-callback-error', 'prefer-async-await']) {
    it(`${rule}: the same lines, columns and messages on every valid and invalid case`, () => {
      assertSameFindings(eslint, oxlint, (finding) => finding.file.startsWith(`${rule}/`));
    });
  }

  it('reads no file differently: what one engine cannot parse, neither can the other', () => {
    assert.deepEqual(oxlint.failures.map((failure) => failure.file), eslint.failures.map((failure) => failure.file));
  });

  it('`oxlint --fix-suggestions` writes what applying each first suggestion in ESLint writes (the rules have suggestions, no fixes)', async () => {
    const fixDir = `${batch.dir}-fix`;
    fs.cpSync(batch.dir, fixDir, { recursive: true });
    try {
      const invalid = batch.files.filter((file) => file.invalid);
      await runOxlint(
        invalid.map((file) => path.join(fixDir, file.file)),
        { ...comparedOxlintRun(fixDir, { ...setup, install }, false), extraArgs: ['--fix-suggestions'] },
      );
      const eslintInstance = createComparedEslint(batch.dir, setup, false);
      const differ: string[] = [];
      let changed = 0;
      for (const file of invalid) {
        const original = fs.readFileSync(path.join(batch.dir, file.file), 'utf8');
        const expected = await applyFirstSuggestions(eslintInstance, path.join(batch.dir, file.file), original);
        const actual = fs.readFileSync(path.join(fixDir, file.file), 'utf8');
        if (expected !== original) changed++;
        if (actual !== expected) differ.push(`${file.file}:\n--- ESLint, first suggestions\n${expected}\n--- oxlint --fix-suggestions\n${actual}`);
      }
      assert.ok(changed > 100, `${changed} files changed by suggestions`);
      assert.equal(differ.length, 0, `${differ.length} of ${invalid.length} differ:\n${differ.join('\n')}`);
    } finally {
      fs.rmSync(fixDir, { recursive: true, force: true });
    }
  });
});
