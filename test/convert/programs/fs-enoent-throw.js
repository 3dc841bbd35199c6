// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function load() {
  fs.readFile(path.join(dir, 'missing.txt'), (err, data) => {
    if (err) throw err;
    console.log(data.length);
  });
}

load();
