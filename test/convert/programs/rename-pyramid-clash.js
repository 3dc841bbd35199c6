// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'one.txt'), '1');
fs.writeFileSync(path.join(dir, 'two.txt'), '2');

function both() {
  fs.readFile(path.join(dir, 'one.txt'), 'utf8', (err, data) => {
    if (err) throw err;
    const first = data;
    fs.readFile(path.join(dir, 'two.txt'), 'utf8', (err, data) => {
      if (err) throw err;
      console.log(first, data, { data });
    });
  });
}

both();
