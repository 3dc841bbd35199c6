// expect: converted
// Chains awaited inside larger expressions and inside `try`: awaited in a statement of their own, every return awaited.
function load(name) {
  return new Promise((resolve, reject) => setTimeout(() => (name === 'bad' ? reject(new Error('no ' + name)) : resolve(name)), 5));
}

function show(value) {
  return `[${value}]`;
}

async function label(name) {
  return show(await load(name).then((text) => text.toUpperCase()));
}

async function guarded(name) {
  try {
    return await load(name).then((text) => load(text === 'AB' ? 'bad' : text)).catch((problem) => `fallback for ${problem.message}`);
  } catch (problem) {
    return `outer ${problem.message}`;
  } finally {
    console.log('finally', name);
  }
}

async function rethrows(name) {
  try {
    return await load(name).then((text) => {
      if (text === 'x') throw new Error('bad x');
      return load(text);
    });
  } catch (problem) {
    return `caught ${problem.message}`;
  }
}

async function maybe(fresh, name) {
  if (fresh) return await load(name).then((text) => {
    console.log('loaded', text);
  });
  console.log('not loaded', name);
}

async function main() {
  await maybe(true, 'one');
  await maybe(false, 'two');
  console.log(await label('ab'));
  console.log(await guarded('ab'));
  console.log(await guarded('bad'));
  console.log(await rethrows('x'));
  console.log(await rethrows('bad'));
  console.log(await rethrows('ok'));
  await label('bad').catch((problem) => console.log('label rejected', problem.message));
}

main();
console.log('sync first');
