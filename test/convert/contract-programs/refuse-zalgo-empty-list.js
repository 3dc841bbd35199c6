// expect: refused zalgo: calls back synchronously for an empty list
// keeps: sumLater
'use strict';
function sumLater(numbers, cb) {
  if (numbers.length === 0) return cb(null, 0);
  setTimeout(() => cb(null, numbers.reduce((a, b) => a + b, 0)), 1);
}

const events = [];
sumLater([], (err, s) => events.push('empty ' + s));
sumLater([1, 2, 3], (err, s) => {
  events.push('list ' + s);
  console.log(events.join(', '));
});
events.push('after calls');
