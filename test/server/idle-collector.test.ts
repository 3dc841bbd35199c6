import * as assert from 'node:assert/strict';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { IdleCollector } from '../../extension/server/idle-collector';

/** The forced (not V8-scheduled) collections that run while `during` settles. */
async function forcedCollections(during: () => void): Promise<number> {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  during();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const flags = (entry: PerformanceEntry) => (entry as PerformanceEntry & { detail: { flags: number } }).detail.flags;
  return seen.filter((entry) => (flags(entry) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0).length;
}

describe('IdleCollector', () => {
  it('collects once the thread has been idle for a moment', async () => {
    const collector = new IdleCollector();
    assert.ok((await forcedCollections(() => collector.idle())) >= 1);
  });

  it('does not collect when work arrives first', async () => {
    const collector = new IdleCollector();
    assert.equal(
      await forcedCollections(() => {
        collector.idle();
        collector.busy();
      }),
      0,
    );
  });

  it('collects once for several idle moments in a row', async () => {
    const collector = new IdleCollector();
    const count = await forcedCollections(() => {
      collector.idle();
      collector.idle();
      collector.idle();
    });
    assert.equal(count, 1);
  });
});
