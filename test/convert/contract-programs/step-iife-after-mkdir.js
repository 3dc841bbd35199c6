// expect: converted
// contracts: writeAll
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(base, { recursive: true, force: true }));

// Makes the folder, then writes the files one after the other (a step function with a counter).
function writeAll(dir, names, cb) {
  fs.mkdir(dir, { recursive: true }, (err) => {
    if (err) return cb(err);
    const written = [];
    (function step(i) {
      if (i >= names.length) return cb(null, written);
      fs.writeFile(path.join(dir, names[i]), String(i), (err) => {
        if (err) return cb(err);
        written.push(names[i]);
        step(i + 1);
      });
    })(0);
  });
}

writeAll(path.join(base, 'out'), ['one.txt', 'two.txt'], (err, written) => {
  if (err) throw err;
  console.log('written', written.join(' '), fs.readdirSync(path.join(base, 'out')).sort().join(' '));
  writeAll(path.join(base, 'empty'), [], (err, none) => {
    if (err) throw err;
    console.log('empty list:', none.length);
    writeAll(path.join(base, 'bad'), ['ok.txt', 'no/such/dir.txt'], (err) => {
      console.log('failed:', err.code);
    });
  });
});
