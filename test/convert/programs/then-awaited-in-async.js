// expect: converted
// Chains awaited where they stand inside async functions: nothing moves in time, whatever follows.
const { setTimeout: sleep } = require('node:timers/promises');

function load(name) {
  if (name === 'bad') return Promise.reject(new Error('bad name'));
  return sleep(1, { name, json: () => sleep(1, { size: name.length }) });
}

async function sizes(names) {
  const out = [];
  for (const name of names) {
    const info = await load(name).then((response) => response.json()).catch((err) => ({ size: -1, err: err.message }));
    out.push(info.size);
  }
  await load('x').then((response) => console.log('loaded', response.name)).finally(() => console.log('finally'));
  console.log('after', out.join(','));
  const { size } = await load('four').then((response) => response.json());
  var fallback = await load('bad').catch(() => null);
  return size + (fallback === null ? 0 : 1);
}

sizes(['a', 'bad', 'abc']).then((n) => console.log('total', n));
