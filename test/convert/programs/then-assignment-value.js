// expect: converted
// A handler whose value is an assignment hands on the assigned value: a promise here, which the next handler receives settled.
let cached;
let count = 0;

function f(load) {
  return Promise.resolve()
    .then(() => cached = load())
    .then((value) => value.length)
    .catch(() => 0);
}

function g() {
  return Promise.resolve(1).then((n) => count += n).then((total) => ({ total })).then(({ total }) => console.log('total', total));
}

f(() => Promise.resolve('abc')).then((n) => console.log('length', n)).then(g);
