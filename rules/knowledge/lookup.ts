import { BLOCKING_SYNC_MODULES, NODE_APIS, PROMISES_NAMESPACE_OF, PROMISE_MODULES, type NodeApi } from './node-apis';

/** A reference to something exported by a module (or a global when `module` is ''). */
export interface ModuleMember {
  readonly module: string;
  /** Property path from the module object: `['readFileSync']`, `['promises', 'readFile']`. */
  readonly path: readonly string[];
}

const byKey = new Map<string, NodeApi>(NODE_APIS.map((api) => [`${api.module}\0${api.name}`, api]));

export function normalizeModuleName(source: string): string {
  return source.startsWith('node:') ? source.slice('node:'.length) : source;
}

/**
 * Folds `fs.promises.readFile` into module `fs/promises`, name `readFile`, and
 * drops a trailing `default` hop (`require('fs').default` in transpiled code).
 */
export function canonicalMember(member: ModuleMember): { module: string; name: string } | undefined {
  let module = normalizeModuleName(member.module);
  let path = member.path.filter((part, index) => !(index === 0 && part === 'default' && module !== ''));
  const promisesModule = PROMISES_NAMESPACE_OF.get(module);
  if (promisesModule !== undefined && path[0] === 'promises') {
    module = promisesModule;
    path = path.slice(1);
  }
  if (path.length === 0) return undefined;
  return { module, name: path.join('.') };
}

/** The table entry for a module member, if the table knows it. */
export function lookupApi(member: ModuleMember): NodeApi | undefined {
  const canonical = canonicalMember(member);
  if (canonical === undefined) return undefined;
  const known = byKey.get(`${canonical.module}\0${canonical.name}`);
  if (known !== undefined) return known;
  if (PROMISE_MODULES.has(canonical.module) && !canonical.name.includes('.')) {
    return { module: canonical.module, name: canonical.name, kind: 'promise' };
  }
  // A `…Sync` export of a blocking module that the table does not list yet
  // (Node adds them over time) still blocks.
  if (BLOCKING_SYNC_MODULES.has(canonical.module) && /^[a-z]\w*Sync$/.test(canonical.name)) {
    return { module: canonical.module, name: canonical.name, kind: 'blocking' };
  }
  return undefined;
}

/** `node:fs/promises`, as written in new imports. */
export function importSpecifierFor(module: string): string {
  return module === '' ? '' : `node:${module}`;
}
