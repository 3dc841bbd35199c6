import { performance } from 'node:perf_hooks';

function later(ms: number): void {
  setTimeout(() => {
    console.log('after', ms, performance.now() > ms);
  }, ms);
}

later(5);
