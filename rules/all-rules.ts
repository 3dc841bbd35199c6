import { noSyncInAsync } from './no-sync-in-async';
import { preferAsyncAwait } from './prefer-async-await';

/** Every rule of the plugin, by name. Each rule lives in its own file. */
export const rules = {
  'no-sync-in-async': noSyncInAsync,
  'prefer-async-await': preferAsyncAwait,
};
