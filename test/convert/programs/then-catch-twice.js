// expect: converted
// `.catch(a).catch(b)` and `.then(a, b).catch(c)`: the inner part stays the base of a `try`, then converts in its turn.
function load(name) {
  return name === 'bad' ? Promise.reject(new Error('no ' + name)) : Promise.resolve(name.length);
}

function size(name) {
  return load(name)
    .then((n) => {
      if (n > 3) throw new Error('too long');
      return n;
    })
    .catch((error) => {
      console.log('first', error.message);
      return error.message === 'too long' ? -1 : Promise.reject(error);
    })
    .catch((error) => {
      console.log('second', error.message);
      return -2;
    });
}

function split(name) {
  return load(name)
    .then((n) => `ok ${n}`, (problem) => `rejected ${problem.message}`)
    .catch((error) => `never ${error.message}`);
}

async function main() {
  console.log(await size('ab'));
  console.log(await size('abcdef'));
  console.log(await size('bad'));
  console.log(await split('ab'));
  console.log(await split('bad'));
}

main();
console.log('sync first');
