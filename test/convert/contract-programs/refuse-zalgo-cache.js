// expect: refused zalgo: calls back synchronously when cached
// keeps: getCached
'use strict';
const cache = new Map();
const order = [];

function getCached(key, cb) {
  if (cache.has(key)) return cb(null, cache.get(key));
  setImmediate(() => {
    cache.set(key, key.length);
    cb(null, key.length);
  });
}

getCached('hello', (err, n) => {
  if (err) throw err;
  order.push('first ' + n);
  getCached('hello', (err, m) => {
    if (err) throw err;
    order.push('cached ' + m);
  });
  order.push('after cached call');
  console.log(order.join(' | '));
});
