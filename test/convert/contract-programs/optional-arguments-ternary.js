// expect: converted
// contracts: kindOf, describe
// The optional argument picked with two conditionals (fs-extra's symlinkType writes it so).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a.txt'), 'a');

function kindOf(p, type, callback) {
  callback = (typeof type === 'function') ? type : callback;
  type = (typeof type === 'function') ? false : type;
  fs.lstat(p, function (err, stats) {
    if (err) return callback(null, type || 'missing');
    callback(null, type || (stats.isDirectory() ? 'dir' : 'file'));
  });
}

function describe(name, done) {
  kindOf(path.join(dir, name), (err, kind) => {
    if (err) return done(err);
    kindOf(path.join(dir, name), 'forced', (err2, forced) => {
      if (err2) return done(err2);
      done(null, name + ': ' + kind + ' / ' + forced);
    });
  });
}

describe('a.txt', (err, line) => {
  if (err) throw err;
  console.log(line);
  describe('', (err2, root) => {
    if (err2) throw err2;
    console.log(root);
    describe('nope', (err3, missing) => {
      if (err3) throw err3;
      console.log(missing);
    });
  });
});
