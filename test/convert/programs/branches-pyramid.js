// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'left.txt'), 'L');
fs.writeFileSync(path.join(dir, 'right.txt'), 'R');

function pick(left) {
  if (left) {
    fs.readFile(path.join(dir, 'left.txt'), 'utf8', (err, text) => {
      if (err) throw err;
      console.log('left', text);
    });
  } else {
    fs.readFile(path.join(dir, 'right.txt'), 'utf8', (err, text) => {
      if (err) throw err;
      console.log('right', text);
    });
  }
}

pick(true);
setTimeout(() => pick(false), 150);
