// expect: converted
// contracts: readFirstLine
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function readFirstLine(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\n')[0]);
  });
}

readFirstLine(path.join(dir, 'absent.txt'), (err, line) => {
  if (err) {
    console.error('error:', err.code);
    console.log('exit with 2');
    process.exitCode = 2;
    return;
  }
  console.log(line);
});
