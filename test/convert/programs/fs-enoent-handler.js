// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function load(name) {
  fs.readFile(path.join(dir, name), 'utf8', (err, data) => {
    if (err) {
      console.log('failed with', err.code);
      return;
    }
    console.log('data', data);
  });
}

load('missing.txt');
