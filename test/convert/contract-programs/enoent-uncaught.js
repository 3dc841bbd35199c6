// expect: converted
// contracts: sizeOf
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function sizeOf(file, cb) {
  fs.stat(file, (err, st) => {
    if (err) return cb(err);
    cb(null, st.size);
  });
}

fs.writeFileSync(path.join(dir, 'here.txt'), 'abc');
sizeOf(path.join(dir, 'here.txt'), (err, size) => {
  if (err) throw err;
  console.log('size', size);
  sizeOf(path.join(dir, 'not-here.txt'), (err, size2) => {
    if (err) throw err;
    console.log('not reached', size2);
  });
});
