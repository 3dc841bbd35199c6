import { noSyncInAsync } from './no-sync-in-async';
import { noUncheckedCallbackError } from './no-unchecked-callback-error';

/** Every rule of the plugin, by name. Each rule lives in its own file. */
export const rules = {
  'no-sync-in-async': noSyncInAsync,
  'no-unchecked-callback-error': noUncheckedCallbackError,
};
