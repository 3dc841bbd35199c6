// expect: converted
// contracts: writeText, countLines
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// The encoding may be left out: the callback then comes third.
function writeText(file, text, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = 'utf8';
  }

  fs.writeFile(file, text, encoding, (err) => {
    if (err) return callback(err);
    fs.readFile(file, encoding, callback);
  });
}

// The options may be left out, and so may the callback.
function countLines(file, options, done) {
  if (typeof options === 'function') {
    done = options;
    options = { skipEmpty: false };
  }
  done = done || function () {};
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return done(err);
    const lines = text.split('\n').filter((line) => !options.skipEmpty || line !== '');
    done(null, lines.length);
  });
}

writeText(path.join(dir, 'a.txt'), 'one\n\ntwo', (err, back) => {
  if (err) throw err;
  console.log('default encoding:', JSON.stringify(back));
  writeText(path.join(dir, 'b.txt'), 'caf\u00e9', 'latin1', (err, latin) => {
    if (err) throw err;
    console.log('latin1:', latin, fs.statSync(path.join(dir, 'b.txt')).size);
    countLines(path.join(dir, 'a.txt'), (err, all) => {
      if (err) throw err;
      countLines(path.join(dir, 'a.txt'), { skipEmpty: true }, (err, some) => {
        if (err) throw err;
        console.log('lines:', all, some);
        countLines(path.join(dir, 'missing.txt'), (err) => {
          console.log('missing:', err.code);
        });
      });
    });
  });
});
