// expect: refused zalgo: calls back synchronously for an empty list (next() starts at once and ends at once)
// keeps: processAll
'use strict';
const log = [];

function processOne(item, cb) {
  setTimeout(() => {
    if (item === 'bad') return cb(new Error('cannot process ' + item));
    log.push(item.toUpperCase());
    cb(null);
  }, 1);
}

function processAll(items, cb) {
  let index = 0;
  function next(err) {
    if (err) return cb(err);
    if (index === items.length) return cb(null, log.length);
    processOne(items[index++], next);
  }
  next();
}

processAll(['a', 'b', 'c'], (err, n) => {
  if (err) throw err;
  console.log('processed', n, log.join(''));
  processAll(['d', 'bad', 'e'], (err) => {
    console.log('stopped:', err.message, log.join(''));
  });
});
