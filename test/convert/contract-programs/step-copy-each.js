// expect: converted
// contracts: copyAll
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a'), 'A');
fs.writeFileSync(path.join(dir, 'b'), 'B');

// Copies each pair in turn; every call back happens inside a copy's callback.
function copyAll(pairs, cb) {
  let i = 0;
  function next() {
    fs.copyFile(pairs[i][0], pairs[i][1], (err) => {
      if (err) return cb(err);
      i++;
      if (i === pairs.length) return cb(null, i);
      next();
    });
  }
  next();
}

const p = (name) => path.join(dir, name);
copyAll([[p('a'), p('a2')], [p('b'), p('b2')]], (err, count) => {
  if (err) throw err;
  console.log('copied', count, fs.readFileSync(p('a2'), 'utf8') + fs.readFileSync(p('b2'), 'utf8'));
  copyAll([[p('a'), p('a3')], [p('missing'), p('m2')]], (err) => {
    console.log('failed:', err.code, fs.existsSync(p('a3')));
  });
});
