// expect: converted
// contracts: increment
'use strict';
function Counter(start) {
  this.count = start;
}

Counter.prototype.increment = function (by, cb) {
  setTimeout(() => {
    if (typeof by !== 'number') return cb(new TypeError('by must be a number'));
    this.count += by;
    cb(null, this.count);
  }, 1);
};

const counter = new Counter(10);
counter.increment(5, (err, value) => {
  if (err) throw err;
  console.log('count', value);
  counter.increment('x', (err) => {
    console.log('error', err.name, err.message, 'count stays', counter.count);
  });
});
