// expect: converted
// contracts: double, square
'use strict';
const math = {
  double: function (n, callback) {
    process.nextTick(() => callback(null, n * 2));
  },
  square: function (n, callback) {
    setImmediate(() => {
      if (n > 1000) return callback(new RangeError('too big'));
      callback(null, n * n);
    });
  },
};

math.double(4, (err, d) => {
  if (err) throw err;
  math.square(d, (err, s) => {
    if (err) throw err;
    console.log('double then square:', s);
    math.square(5000, (err) => console.log(err.name));
  });
});
