// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

fs.writeFileSync(path.join(dir, 'src.txt'), 'copy me');

function copy() {
  fs.copyFile(path.join(dir, 'src.txt'), path.join(dir, 'dst.txt'), (err) => {
    if (err) throw err;
    console.log(fs.readFileSync(path.join(dir, 'dst.txt'), 'utf8'));
  });
}

copy();
