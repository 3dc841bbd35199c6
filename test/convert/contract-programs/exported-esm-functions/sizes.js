import fs from 'node:fs';
import path from 'node:path';

// Size in bytes of one file of `dir`.
export function fileSize(dir, name, cb) {
  fs.stat(path.join(dir, name), (err, st) => {
    if (err) return cb(err);
    cb(null, st.size);
  });
}

// The sizes of two files, summed.
export default function pairSize(dir, a, b, callback) {
  fileSize(dir, a, (err, first) => {
    if (err) return callback(err);
    fileSize(dir, b, (err, second) => {
      if (err) return callback(err);
      callback(null, first + second);
    });
  });
}
