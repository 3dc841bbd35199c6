// expect: refused owner-result-used
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function start() {
  fs.stat(dir, (err, stats) => {
    if (err) throw err;
    console.log('dir', stats.isDirectory());
  });
}

const result = start();
console.log('start returned', typeof result);
