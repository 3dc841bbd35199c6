// expect: refused public API: the methods of a class the package's main exports
// keeps: get, getBoth
'use strict';
const Cache = require('./cache');

const cache = new Cache({ a: 1, b: 2 });
cache.getBoth('a', 'b', (err, pair) => {
  if (err) throw err;
  console.log('pair', pair.join(','));
  cache.get('z', (err) => {
    console.log('get z:', err.message);
  });
});
