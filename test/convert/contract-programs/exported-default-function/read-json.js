'use strict';
const fs = require('fs');

/* The package is one function, written where it is exported. */
module.exports = function (file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return cb(e);
    }
    cb(null, value);
  });
};
