'use strict';
const fs = require('fs');
const path = require('path');

// Total size in bytes of the files directly inside `dir`.
function totalSize(dir, cb) {
  fs.readdir(dir, (err, names) => {
    if (err) return cb(err);
    let total = 0;
    let i = 0;
    (function next() {
      if (i === names.length) return cb(null, total);
      fs.stat(path.join(dir, names[i++]), (err, st) => {
        if (err) return cb(err);
        total += st.size;
        next();
      });
    })();
  });
}

exports.totalSize = totalSize;
