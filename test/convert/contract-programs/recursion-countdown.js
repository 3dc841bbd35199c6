// expect: converted
// contracts: countdown
'use strict';
const seen = [];

function countdown(n, cb) {
  if (n < 0) {
    return setImmediate(() => cb(new Error('negative start')));
  }
  setImmediate(() => {
    seen.push(n);
    if (n === 0) return cb(null, seen.length);
    countdown(n - 1, (err, steps) => {
      if (err) return cb(err);
      cb(null, steps);
    });
  });
}

countdown(3, (err, steps) => {
  if (err) throw err;
  console.log('steps', steps, seen.join(' '));
  countdown(-1, (err) => console.log('error:', err.message));
});
