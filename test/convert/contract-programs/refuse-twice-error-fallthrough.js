// expect: refused called twice: missing return after cb(err)
// keeps: check
'use strict';
function check(value, cb) {
  setImmediate(() => {
    if (value < 0) cb(new Error('negative'));
    cb(null, Math.sqrt(Math.abs(value)));
  });
}

check(-4, (err, root) => {
  console.log(err ? 'error ' + err.message : 'root ' + root);
});
