import * as path from 'node:path';
import { REPO_ROOT } from '../test/server/lsp-test-client';

/**
 * Loads the client bundle with a stand-in `vscode` module (every property a
 * callable, constructible no-op) and calls `activate()`: the extension's own
 * cost at activation, without VS Code's. The server is not started (the
 * stand-in client's `start()` is a no-op).
 */
export async function measureActivation(): Promise<{ loadAndActivateMs: number; activateMs: number }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = Module._load;
  const stub = anything();
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub : originalLoad.call(this, request, ...rest);
  };
  try {
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const extension = require(path.join(REPO_ROOT, 'dist', 'extension', 'client.js')) as { activate: (context: unknown) => unknown };
    const activateStart = performance.now();
    extension.activate({ subscriptions: [], asAbsolutePath: (relative: string) => path.join(REPO_ROOT, relative) });
    const done = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { loadAndActivateMs: Math.round((done - started) * 10) / 10, activateMs: Math.round((done - activateStart) * 10) / 10 };
  } finally {
    Module._load = originalLoad;
  }
}

function anything(): unknown {
  const target = function () {
    return undefined;
  };
  const proxy: unknown = new Proxy(target, {
    get: (_target, property) => {
      if (property === 'then') return undefined;
      // vscode-languageclient checks the engine version when constructed.
      if (property === 'version') return '1.100.3';
      if (property === Symbol.toPrimitive) return () => '';
      if (property === 'prototype') return {};
      return proxy;
    },
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}
