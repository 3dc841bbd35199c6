/**
 * `npm run test:extension:electron`: the same integration suites in desktop
 * VS Code, for machines that can download it (@vscode/test-electron fetches
 * VS Code from Microsoft's update server at run time; this project's CI
 * cannot, and runs `npm run test:extension` on code-server instead).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'editor');

function copyFixture(name: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `async-guard-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), target, { recursive: true });
  return target;
}

async function main(): Promise<void> {
  const version = process.env.VSCODE_VERSION ?? '1.100.3';
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-vscode-user-'));
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'files.autoSave': 'off', 'workbench.startupEditor': 'none', 'typescript.disableAutomaticTypeAcquisition': true }),
  );
  await runTests({
    version,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
    extensionTestsEnv: { ASYNC_GUARD_SUITE: 'editor', ASYNC_GUARD_TEST_RULES: path.join(REPO_ROOT, 'dist', 'test', 'server', 'test-rules.js') },
    launchArgs: [copyFixture('workspace'), '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userData}`],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
