const fs = require('fs');
const path = require('path');

function writeJson(file, value, cb) {
  fs.writeFile(file, JSON.stringify(value), (err) => {
    if (err) return cb(err);
    cb(null);
  });
}

function readJson(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, JSON.parse(text));
  });
}

function updateJson(file, change, cb) {
  readJson(file, (err, value) => {
    if (err) return cb(err);
    writeJson(file, change(value), (err) => {
      if (err) return cb(err);
      cb(null, path.basename(file));
    });
  });
}

module.exports = { readJson, writeJson, updateJson };
