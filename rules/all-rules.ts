import { maxCallbackDepth } from './max-callback-depth';
import { noFloatingPromise } from './no-floating-promise';
import { noSyncInAsync } from './no-sync-in-async';
import { noUncheckedCallbackError } from './no-unchecked-callback-error';
import { preferAsyncAwait } from './prefer-async-await';

/** Every rule of the plugin, by name. Each rule lives in its own file. */
export const rules = {
  'max-callback-depth': maxCallbackDepth,
  'no-floating-promise': noFloatingPromise,
  'no-sync-in-async': noSyncInAsync,
  'no-unchecked-callback-error': noUncheckedCallbackError,
  'prefer-async-await': preferAsyncAwait,
};
