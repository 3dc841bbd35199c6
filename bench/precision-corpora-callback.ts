import type { PrecisionCorpus } from './precision-corpus';

/** Pinned callback-era repositories (error-first callbacks): the corpora of no-unchecked-callback-error, max-callback-depth and prefer-async-await. */
export const CALLBACK_ERA_CORPORA: readonly PrecisionCorpus[] = [];
