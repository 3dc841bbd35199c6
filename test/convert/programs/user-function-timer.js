// expect: converted
const assert = require('assert');

function delayedDouble(n, done) {
  setTimeout(() => {
    if (n < 0) return done(new Error('negative'));
    done(null, n * 2);
  }, 5);
}

function main() {
  delayedDouble(21, (err, value) => {
    if (err) throw err;
    assert.equal(value, 42);
    console.log('double', value);
    delayedDouble(-1, (err) => {
      if (err) {
        console.log('rejected', err.message);
        return;
      }
      console.log('not reached');
    });
  });
}

main();
