// expect: converted
// Destructuring handlers, handlers whose value is not a promise, links without a handler.
const { setTimeout: sleep } = require('node:timers/promises');

function pair() {
  return Promise.all([sleep(5, 'a'), sleep(1, 'b')])
    .then(([first, second]) => console.log('pair', first, second))
    .then(() => console.log('logged'))
    .then(undefined)
    .finally();
}

function sizes() {
  return sleep(1, { size: 3, name: 'x' }).then(({ size, name }) => {
    console.log(name, size);
  }).catch(({ message }) => console.log('failed', message));
}

function failing() {
  return Promise.reject(new Error('boom'))
    .then(() => console.log('not reached'))
    .catch(({ message }) => console.log('caught', message));
}

function missing() {
  return sleep(1, undefined).then(({ size }) => size).catch((err) => console.log('destructuring failed', err.constructor.name));
}

pair().then(sizes).then(failing).then(missing).then((value) => console.log('end', value));
