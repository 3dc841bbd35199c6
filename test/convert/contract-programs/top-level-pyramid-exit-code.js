// expect: converted
// contracts: step
'use strict';
function step(name, fail, cb) {
  setTimeout(() => {
    if (fail) return cb(new Error(name + ' failed'));
    cb(null, name + ' ok');
  }, 1);
}

step('one', false, (err, a) => {
  if (err) throw err;
  console.log(a);
  step('two', false, (err, b) => {
    if (err) throw err;
    console.log(b);
    step('three', true, (err, c) => {
      if (err) {
        console.log('caught:', err.message);
        process.exitCode = 4;
        return;
      }
      console.log(c);
    });
  });
});
