'use strict';
// The package's main exports `divide`: code outside this program calls
// `divide(a, b, (err, q, r) => …)`, and no adapter could hand that callback
// the two results of a promise, so it keeps its callback under any --api.
function divide(a, b, cb) {
  setImmediate(() => {
    if (b === 0) return cb(new Error('division by zero'));
    cb(null, Math.floor(a / b), a % b);
  });
}

exports.divide = divide;
