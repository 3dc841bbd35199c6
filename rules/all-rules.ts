import { noFloatingPromise } from './no-floating-promise';
import { noSyncInAsync } from './no-sync-in-async';

/** Every rule of the plugin, by name. Each rule lives in its own file. */
export const rules = {
  'no-floating-promise': noFloatingPromise,
  'no-sync-in-async': noSyncInAsync,
};
