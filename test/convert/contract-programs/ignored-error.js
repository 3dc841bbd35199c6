// expect: converted
// contracts: removeQuietly, readOr
// Callbacks that never read the error: the failure was ignored, and stays ignored.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a.txt'), 'a');

// Ignore errors (the file may be gone already).
function removeQuietly(name, done) {
  fs.unlink(path.join(dir, name), function () {
    done(null, name);
  });
}

// A missing file reads as undefined.
function readOr(name, fallback, done) {
  fs.readFile(path.join(dir, name), 'utf8', function (err, text) {
    done(null, text === undefined ? fallback : text);
  });
}

removeQuietly('a.txt', (err, first) => {
  if (err) throw err;
  removeQuietly('a.txt', (err2, second) => {
    if (err2) throw err2;
    console.log('removed', first, 'then', second, fs.existsSync(path.join(dir, 'a.txt')));
    readOr('a.txt', 'nothing', (err3, text) => {
      if (err3) throw err3;
      console.log('read:', text);
    });
  });
});
