// expect: refused multiple-results: a public export calling back with several results
// keeps: divide
'use strict';
const { divide } = require('./divide');

divide(17, 5, (err, q, r) => {
  if (err) throw err;
  console.log('17 / 5 =', q, 'remainder', r);
  divide(1, 0, (err) => {
    console.log('1 / 0:', err.message);
    process.exitCode = 2;
  });
});
