// expect: converted
// contracts: readSize, later
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a.txt'), 'alpha');

function readSize(name, cb) {
  fs.readFile(path.join(dir, name), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
}

function later(value, ms, cb) {
  setTimeout(() => cb(null, value), ms);
}

// Each call starts where it stands: the lines after it print before its result.
console.log('start');
readSize('a.txt', (err, n) => {
  if (err) throw err;
  console.log('a.txt has', n);
  later('then', 5, (err, word) => {
    if (err) throw err;
    console.log('a.txt', word);
  });
});
console.log('after the first call');
later('second', 60, (err, word) => {
  if (err) throw err;
  readSize('missing.txt', (err, n) => {
    if (err) {
      console.log(word, 'missing:', err.code);
      process.exitCode = 3;
      return;
    }
    console.log(word, n);
  });
});
setTimeout(() => later('timer', 5, (err, word) => {
  if (err) throw err;
  console.log('from a', word);
}), 120);
setImmediate(() => later('immediate', 150, (err, word) => {
  if (err) throw err;
  console.log('from an', word);
}));
console.log('end of script');
