// expect: refused multiple-results
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'm.txt');
fs.writeFileSync(file, 'abcdef');
const fd = fs.openSync(file, 'r');

function readSome() {
  fs.read(fd, Buffer.alloc(3), 0, 3, 0, (err, bytesRead, buffer) => {
    if (err) throw err;
    console.log(bytesRead, buffer.toString());
  });
}

readSome();
