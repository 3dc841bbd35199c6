'use strict';
const fs = require('fs');

// Public API in the callback style: the encoding may be left out, and so may the callback.
function outputText(file, text, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = 'utf8';
  }
  callback = callback || function () {};
  fs.writeFile(file, text, encoding, (err) => {
    if (err) return callback(err);
    fs.stat(file, (err, st) => {
      if (err) return callback(err);
      callback(null, st.size);
    });
  });
}

module.exports = outputText;
