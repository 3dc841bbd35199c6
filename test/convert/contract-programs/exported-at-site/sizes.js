'use strict';
const fs = require('fs');
const path = require('path');

// Public API written where it is exported, callback style.

// Size in bytes of one file of `dir`.
exports.fileSize = function (dir, name, cb) {
  fs.stat(path.join(dir, name), (err, st) => {
    if (err) return cb(err);
    cb(null, st.size);
  });
};

// The sizes of two files, summed (calls its sibling through `exports`).
module.exports.pairSize = function pairSize(dir, a, b, callback) {
  exports.fileSize(dir, a, (err, first) => {
    if (err) return callback(err);
    exports.fileSize(dir, b, (err, second) => {
      if (err) return callback(err);
      callback(null, first + second);
    });
  });
};

// The first line of a file.
exports.firstLine = (file, done) => {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return done(err);
    done(null, text.split('\n')[0]);
  });
};
