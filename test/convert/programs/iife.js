// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'iife.txt'), 'from iife');

(function () {
  fs.readFile(path.join(dir, 'iife.txt'), 'utf8', (err, text) => {
    if (err) throw err;
    console.log(text);
  });
})();

(() => {
  fs.stat(dir, (err, stats) => {
    if (err) throw err;
    console.log('dir', stats.isDirectory());
  });
})();
