import type { PrecisionCorpus } from './precision-corpus';

/** Pinned promise-era repositories: the corpora of no-floating-promise and no-sync-in-async. */
export const PROMISE_ERA_CORPORA: readonly PrecisionCorpus[] = [];
