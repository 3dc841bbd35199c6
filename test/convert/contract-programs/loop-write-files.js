// expect: refused zalgo: calls back synchronously for an empty list (step(0) starts at once)
// keeps: writeAll
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function writeAll(names, cb) {
  const written = [];
  (function step(i) {
    if (i >= names.length) return cb(null, written);
    const file = path.join(dir, names[i]);
    fs.writeFile(file, String(i), (err) => {
      if (err) return cb(err);
      written.push(names[i]);
      step(i + 1);
    });
  })(0);
}

writeAll(['one.txt', 'two.txt', 'three.txt'], (err, written) => {
  if (err) throw err;
  console.log('written', written.join(' '), fs.readdirSync(dir).sort().join(' '));
  writeAll(['ok.txt', 'no/such/dir.txt'], (err) => {
    console.log('failed:', err.code);
  });
});
