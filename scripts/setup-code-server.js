// Installs code-server 4.100.3 (VS Code 1.100.3's server and web workbench)
// into a tools folder, cached between runs, for `npm run test:extension`.
// Not a project dependency: `npm ci` stays fast and the ESLint plugin's users never get it.
//
// Needs Debian packages: libkrb5-dev (a native module of code-server),
// chromium and fonts-liberation (the browser the tests drive), ripgrep.
// As root, missing ones are installed with apt-get; otherwise it says which.
//
// Env: ASYNC_GUARD_TOOLS_DIR (default ~/.cache/async-guard-tools: outside the repository, because npm
// puts every ancestor's node_modules/.bin on the PATH of nested installs, and this repository's holds an
// old node-gyp that cannot build code-server's native modules).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.100.3';
const APT_PACKAGES = ['libkrb5-dev', 'chromium', 'fonts-liberation', 'ripgrep'];
// @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here); it first looks in this cache.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const root = path.join(__dirname, '..');
const toolsDir = path.resolve(process.env.ASYNC_GUARD_TOOLS_DIR || path.join(os.homedir(), '.cache', 'async-guard-tools'));
const installDir = path.join(toolsDir, `code-server-${CODE_SERVER_VERSION}`);
const entry = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function main() {
  ensureAptPackages();
  if (fs.existsSync(entry)) {
    console.log(`setup-code-server: cached ${entry}`);
    return;
  }
  const started = Date.now();
  const tmp = path.join(toolsDir, 'tmp');
  fs.mkdirSync(path.join(tmp, RIPGREP_CACHE), { recursive: true });
  fs.mkdirSync(installDir, { recursive: true });
  const tarball = path.join(tmp, RIPGREP_CACHE, RIPGREP_TARBALL);
  if (!fs.existsSync(tarball)) {
    const stage = fs.mkdtempSync(path.join(tmp, 'rg-'));
    fs.copyFileSync('/usr/bin/rg', path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    execFileSync('tar', ['-czf', tarball, '-C', stage, 'rg']);
  }
  fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ private: true, name: 'async-guard-tools' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--unsafe-perm=true', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    stdio: 'inherit',
    // `yes`: node-pty's postinstall runs `npx node-gyp`; TMPDIR: where @vscode/ripgrep finds the tarball.
    // PATH without `npm run`'s node_modules/.bin folders: this project's dev dependencies include an
    // old node-gyp (callback-era corpus) that cannot build code-server's native modules; npm's own can.
    env: { ...process.env, npm_config_yes: 'true', TMPDIR: tmp, PATH: pathWithoutNodeModulesBin() },
  });
  if (!fs.existsSync(entry)) throw new Error(`code-server did not install: ${entry} is missing`);
  console.log(`setup-code-server: installed code-server ${CODE_SERVER_VERSION} in ${Math.round((Date.now() - started) / 1000)} s`);
}

function pathWithoutNodeModulesBin() {
  return (process.env.PATH || '')
    .split(path.delimiter)
    .filter((entry) => !entry.split(path.sep).includes('node_modules'))
    .join(path.delimiter);
}

function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((name) => {
    try {
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).includes('install ok installed');
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`setup-code-server: install these Debian packages first: apt-get install -y ${missing.join(' ')}`);
  }
  console.log(`setup-code-server: apt-get install ${missing.join(' ')}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
