// expect: converted
// contracts: divide
'use strict';
// Calls back with two results: the quotient and the remainder.
function divide(a, b, cb) {
  setImmediate(() => {
    if (b === 0) return cb(new Error('division by zero'));
    cb(null, Math.floor(a / b), a % b);
  });
}

divide(17, 5, (err, q, r) => {
  if (err) throw err;
  console.log('17 / 5 =', q, 'remainder', r);
  divide(1, 0, (err) => console.log(err.message));
});
