import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** How long a thread must have had nothing to do before it collects. */
const QUIET_MS = 10;

type Collect = (options: { type: 'minor' }) => void;

let exposed: Collect | undefined;

/**
 * A scavenge of the young generation with V8's `gc()`, without starting Node
 * with `--expose-gc`. It costs what survives, whatever the size of the heap.
 * A full collection was measured and is worse: 35–50 ms in the main thread,
 * over 150 ms in a type-aware worker, and the lints between them got slower
 * too (`npm run bench:editor`: JavaScript p50 115 ms instead of 57).
 */
function scavenge(): void {
  if (exposed === undefined) {
    v8.setFlagsFromString('--expose-gc');
    exposed = vm.runInNewContext('gc') as Collect;
  }
  exposed({ type: 'minor' });
}

/**
 * A lint allocates tens of megabytes that are garbage once it ends. Left to
 * V8, they are collected in the middle of a later lint, which then takes a
 * third longer. Collected when the thread has had nothing to do for a moment
 * after publishing (the user is between keystrokes), they cost the user
 * nothing. Work that arrives first postpones the collection.
 */
export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  idle(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      scavenge();
    }, QUIET_MS);
    this.timer.unref();
  }

  busy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
