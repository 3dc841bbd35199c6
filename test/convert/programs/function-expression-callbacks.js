// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'f.txt'), 'function expressions');

function read() {
  fs.readFile(path.join(dir, 'f.txt'), 'utf8', function (err, text) {
    if (err) throw err;
    fs.stat(path.join(dir, 'f.txt'), function (err, stats) {
      if (err) throw err;
      console.log(text, stats.size);
    });
  });
}

read();
