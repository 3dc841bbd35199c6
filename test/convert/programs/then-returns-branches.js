// expect: converted
// Returned chains in branches, early returns in the last handler, other returns of native promises.
const { setTimeout: sleep } = require('node:timers/promises');

function classify(n) {
  return sleep(1, n).then((value) => {
    if (value > 10) {
      return 'big';
    }
    if (value < 0) return sleep(1, 'negative');
    return 'small';
  });
}

function cached(key, cache) {
  if (cache.has(key)) return Promise.resolve(cache.get(key));
  return sleep(1, key.length).then((length) => {
    cache.set(key, length);
    return length;
  });
}

function maybeLog(flag) {
  if (flag) return sleep(1, 'logged').then((text) => {
    console.log(text);
  });
  console.log('not logged');
  return Promise.resolve('skipped');
}

function guarded(flag) {
  if (flag) return Promise.reject(new Error('no')).catch((err) => {
    console.log('caught', err.message);
  });
  console.log('unguarded');
  return Promise.resolve();
}

async function main() {
  console.log(await classify(20), await classify(-1), await classify(3));
  const cache = new Map();
  console.log(await cached('abc', cache), await cached('abc', cache), cache.size);
  console.log(await maybeLog(true), await maybeLog(false));
  console.log(await guarded(true), await guarded(false));
}

main();
