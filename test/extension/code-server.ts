import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.join(__dirname, '..', '..', '..');
export const CODE_SERVER_ENTRY = path.join(
  path.resolve(process.env.ASYNC_GUARD_TOOLS_DIR ?? path.join(os.homedir(), '.cache', 'async-guard-tools')),
  'code-server-4.100.3',
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

export interface CodeServerOptions {
  /** Start with workspace trust on (folders open untrusted); off = every folder is trusted. */
  workspaceTrust?: boolean;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Environment for code-server, its extension hosts and so our language server. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningCodeServer {
  port: number;
  /** Temp home: user data, extensions, HOME and TMPDIR all live here; removed by `stop()`. */
  home: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close((error) => {
        if (error) reject(error);
        else if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Runs code-server's own CLI (e.g. `--install-extension`) with the same folders. */
export function codeServerCli(server: Pick<RunningCodeServer, 'home' | 'extensionsDir'>, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CODE_SERVER_ENTRY, '--user-data-dir', path.join(server.home, 'user-data'), '--extensions-dir', server.extensionsDir, ...args], {
      env: { ...process.env, HOME: server.home, TMPDIR: path.join(server.home, 'tmp') },
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`code-server ${args.join(' ')} exited ${code}`))));
  });
}

export function createHome(): Pick<RunningCodeServer, 'home' | 'extensionsDir'> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-code-server-'));
  fs.mkdirSync(path.join(home, 'tmp'));
  const extensionsDir = path.join(home, 'extensions');
  fs.mkdirSync(extensionsDir);
  return { home, extensionsDir };
}

/**
 * Starts code-server on a free loopback port, in its own process group so its
 * extension hosts and file watchers end with it.
 */
export async function startCodeServer(
  options: CodeServerOptions = {},
  existing: Pick<RunningCodeServer, 'home' | 'extensionsDir'> = createHome(),
): Promise<RunningCodeServer> {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server is not installed: run node scripts/setup-code-server.js (${CODE_SERVER_ENTRY})`);
  const { home, extensionsDir } = existing;
  const port = await freePort();
  const userData = path.join(home, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'files.autoSave': 'off',
        'workbench.startupEditor': 'none',
        'typescript.disableAutomaticTypeAcquisition': true,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.startupPrompt': 'never',
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const config = path.join(home, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [CODE_SERVER_ENTRY, '--config', config, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];
  if (options.workspaceTrust !== true) args.push('--disable-workspace-trust');
  const child: ChildProcess = spawn(process.execPath, args, {
    detached: true,
    env: { ...process.env, ...options.env, HOME: home, TMPDIR: path.join(home, 'tmp') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForHttp(port, child, () => log);
  return {
    port,
    home,
    extensionsDir,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            try {
              if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
            resolve(undefined);
          }, 3000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve(undefined);
          });
        });
      }
      fs.rmSync(home, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

async function waitForHttp(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on port ${port}:\n${log()}`);
}
