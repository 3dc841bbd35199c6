// expect: refused escapes: the callback is passed to a function nothing knows
// keeps: fetchValue
'use strict';
const sources = [
  (key, done) => setImmediate(() => done(null, key + '-from-first')),
  (key, done) => done(null, key + '-sync'),
];

function fetchValue(lookup, key, cb) {
  lookup(key, cb);
}

let sync = true;
fetchValue(sources[0], 'x', (err, value) => console.log(value, 'sync:', sync));
fetchValue(sources[1], 'y', (err, value) => console.log(value, 'sync:', sync));
sync = false;
