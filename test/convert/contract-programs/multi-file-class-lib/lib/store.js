'use strict';
const fs = require('fs');
const path = require('path');

class NoteStore {
  constructor(dir) {
    this.dir = dir;
  }

  save(name, text, cb) {
    fs.writeFile(path.join(this.dir, name + '.txt'), text, (err) => {
      if (err) return cb(err);
      cb(null, name);
    });
  }

  load(name, cb) {
    fs.readFile(path.join(this.dir, name + '.txt'), 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text);
    });
  }

  copy(from, to, cb) {
    this.load(from, (err, text) => {
      if (err) return cb(err);
      this.save(to, text, cb);
    });
  }
}

module.exports = NoteStore;
