// expect: converted
// contracts: ensureFile, writeEmpty, ensureAll
// A module's functions reached through names of their own (`var ensureFile = _ensure.ensureFile`),
// and `fs.exists`, which calls back once with a boolean and never an error.
const fs = require('fs');
const os = require('os');
const path = require('path');
const _ensure = require('./ensure');
const ensureFile = _ensure.ensureFile;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function ensureAll(files, done) {
  ensureFile(files[0], (err, first) => {
    if (err) return done(err);
    ensureFile(files[1], (err2, second) => {
      if (err2) return done(err2);
      done(null, [first, second]);
    });
  });
}

const file = path.join(dir, 'a', 'b', 'c.txt');
ensureAll([file, file], (err, created) => {
  if (err) throw err;
  console.log('created:', created.join(' '));
  fs.exists(file, (exists) => {
    console.log('exists:', exists);
    ensureFile(path.join(file, 'd.txt'), (err3) => {
      console.log('inside a file:', err3.code);
    });
  });
});
