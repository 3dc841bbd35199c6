import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** How long a thread must have had nothing to do before it collects. */
const QUIET_MS = 10;

type Collect = (options?: { type?: 'major' | 'minor' }) => void;

let exposed: Collect | undefined;

/** V8's `gc()`, without starting Node with `--expose-gc`. */
function collectGarbage(): void {
  if (exposed === undefined) {
    v8.setFlagsFromString('--expose-gc');
    exposed = vm.runInNewContext('gc') as Collect;
  }
  exposed({ type: 'major' });
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
      collectGarbage();
    }, QUIET_MS);
    this.timer.unref();
  }

  busy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
