// expect: converted
// A promise kept in a variable written once, then chained where it is returned.
function load(name) {
  return new Promise((resolve, reject) => setTimeout(() => (name === 'bad' ? reject(new Error('no ' + name)) : resolve(name.length)), 5));
}

function size(name) {
  const pending = load(name).then((n) => n * 2);
  return pending.catch((error) => {
    console.log('caught', error.message);
    return -1;
  });
}

function describe(name, fresh) {
  let pending = Promise.resolve(name).then((n) => n.toUpperCase());
  if (fresh) {
    return load(name).then((n) => `fresh ${n}`);
  }
  return pending.then((upper) => `cached ${upper}`);
}

async function main() {
  console.log(await size('abc'));
  console.log(await size('bad'));
  console.log(await describe('xy', true));
  console.log(await describe('xy', false));
}

main();
console.log('sync first');
