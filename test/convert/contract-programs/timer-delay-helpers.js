// expect: converted
// contracts: later, tick, soon
'use strict';
function later(value, ms, cb) {
  setTimeout(() => cb(null, value), ms);
}

function tick(value, cb) {
  process.nextTick(() => {
    if (value === undefined) return cb(new Error('nothing to tick'));
    cb(null, value + '!');
  });
}

function soon(value, cb) {
  setImmediate(() => cb(null, value * 2));
}

later('a', 3, (err, a) => {
  if (err) throw err;
  tick(a, (err, b) => {
    if (err) throw err;
    soon(21, (err, c) => {
      if (err) throw err;
      console.log(a, b, c);
      tick(undefined, (err) => {
        console.log('tick error:', err.message);
      });
    });
  });
});
