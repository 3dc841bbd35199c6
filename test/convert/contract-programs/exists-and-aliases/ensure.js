const fs = require('fs');
const path = require('path');

// Creates the file, and its folder, unless the file is there: whether it did.
function ensureFile(file, callback) {
  fs.exists(file, function (fileExists) {
    if (fileExists) return callback(null, false);
    const dir = path.dirname(file);
    fs.exists(dir, function (dirExists) {
      if (dirExists) return writeEmpty(file, callback);
      fs.mkdir(dir, { recursive: true }, function (err) {
        if (err) return callback(err);
        writeEmpty(file, callback);
      });
    });
  });
}

function writeEmpty(file, callback) {
  fs.writeFile(file, '', function (err) {
    if (err) return callback(err);
    callback(null, true);
  });
}

module.exports = { ensureFile: ensureFile, writeEmpty: writeEmpty };
