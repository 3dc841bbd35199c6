// expect: converted
// contracts: loadNumber
'use strict';
function fetchNumber(n) {
  return new Promise((resolve, reject) => {
    setTimeout(() => (n >= 0 ? resolve(n * 10) : reject(new Error('bad ' + n))), 1);
  });
}

function loadNumber(n, cb) {
  fetchNumber(n).then((value) => cb(null, value), (err) => cb(err));
}

loadNumber(4, (err, value) => {
  if (err) throw err;
  console.log('value', value);
  loadNumber(-1, (err) => console.log('error', err.message));
});
