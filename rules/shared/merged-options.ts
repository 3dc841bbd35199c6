import { ESLintUtils } from '@typescript-eslint/utils';

/** More distinct configurations than this in one process (an editor session editing its config) start the cache afresh. */
const MAX_CONFIGURATIONS = 32;

/**
 * A rule's options merged with its defaults, once per distinct configuration.
 * typescript-eslint's creator merges them (a `structuredClone` and a deep
 * merge) for every file, and ESLint hands each file a new options array, so
 * the key is the options' JSON. The merged options are frozen: every file
 * gets the same object, and a rule writing to it would fail loudly.
 */
export function mergedOptionsCache<Options extends readonly unknown[]>(defaults: Readonly<Options>): (options: readonly unknown[]) => Options {
  const cache = new Map<string, Options>();
  return (options) => {
    const key = JSON.stringify(options);
    let merged = cache.get(key);
    if (merged === undefined) {
      if (cache.size >= MAX_CONFIGURATIONS) cache.clear();
      // A clone: what gets frozen must not be the configuration objects ESLint handed over.
      merged = deepFreeze(ESLintUtils.applyDefault(defaults, structuredClone(options) as Options));
      cache.set(key, merged);
    }
    return merged;
  };
}

function deepFreeze<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
