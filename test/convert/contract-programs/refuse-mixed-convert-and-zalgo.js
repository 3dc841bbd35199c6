// expect: refused zalgo: lookup is sync on a hit, so its callers keep callbacks too
// keeps: lookup, describe
'use strict';
const table = { a: 'apple' };

function lookup(key, cb) {
  if (key in table) return cb(null, table[key]);
  setImmediate(() => cb(new Error('no key ' + key)));
}

function describe(key, cb) {
  lookup(key, (err, value) => {
    if (err) return cb(err);
    cb(null, key + ' is ' + value);
  });
}

const seen = [];
describe('a', (err, text) => seen.push(text));
seen.push('after describe');
describe('b', (err) => {
  seen.push(err.message);
  console.log(seen.join(' / '));
});
