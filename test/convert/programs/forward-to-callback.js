// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'len.txt'), 'seven!!');

function length(name, cb) {
  fs.readFile(path.join(dir, name), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
}

length('len.txt', (err, n) => {
  if (err) {
    console.log('error', err.code);
    return;
  }
  console.log('length', n);
});
setTimeout(() => length('nope.txt', (err, n) => {
  if (err) {
    console.log('error', err.code);
    return;
  }
  console.log('length', n);
}), 100);
