// expect: converted
// contracts: double
'use strict';
const { EventEmitter } = require('events');

function double(n, callback) {
  setImmediate(() => {
    if (typeof n !== 'number') return callback(new TypeError('not a number'));
    callback(null, n * 2);
  });
}

const jobs = new EventEmitter();
const results = [];
jobs.on('job', (n) => {
  double(n, (err, d) => {
    results.push(err ? 'error ' + err.message : 'ok ' + d);
    if (results.length === 3) console.log(results.join('; '));
  });
});
jobs.emit('job', 1);
jobs.emit('job', 'x');
jobs.emit('job', 5);
