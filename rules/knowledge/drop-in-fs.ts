import { lookupApi, normalizeModuleName, type ModuleMember } from './lookup';
import type { NodeApi } from './node-apis';

/**
 * Modules that re-export `fs` with the same callback contracts: `graceful-fs`
 * (retries on EMFILE), Electron's `original-fs`, and `fs-extra` (its `fs`
 * functions are graceful-fs's, with a promise when no callback is given).
 */
export const FS_DROP_IN_MODULES: ReadonlySet<string> = new Set(['graceful-fs', 'original-fs', 'fs-extra']);

/** Entries made here: awaited through `promisify` bound to the value called, never through `fs/promises`. */
const dropInEntries = new WeakSet<NodeApi>();
const derived = new Map<NodeApi, NodeApi>();

/**
 * The table's `fs` entry for a member of a drop-in `fs` value. Error-first
 * entries become `promisify` ones: `fs/promises` would bypass the value
 * (graceful-fs's retries, an injected `fs`), so the conversion promisifies
 * the value's own function instead.
 */
export function dropInFsEntry(path: readonly string[]): NodeApi | undefined {
  const api = lookupApi({ module: 'fs', path });
  if (api === undefined || api.module !== 'fs' || api.kind !== 'error-first') return api;
  let entry = derived.get(api);
  if (entry === undefined) {
    entry = api.promise === undefined ? { ...api } : { ...api, promise: { kind: 'promisify' } };
    derived.set(api, entry);
    dropInEntries.add(entry);
  }
  return entry;
}

/** `require('graceful-fs').readFile` and the like, as the table's `fs` entry. */
export function dropInModuleApi(member: ModuleMember): NodeApi | undefined {
  return FS_DROP_IN_MODULES.has(normalizeModuleName(member.module)) ? dropInFsEntry(member.path) : undefined;
}

/** Whether the entry stands for a drop-in `fs` value's function (see `dropInFsEntry`). */
export function isDropInFsApi(api: NodeApi): boolean {
  return dropInEntries.has(api);
}
