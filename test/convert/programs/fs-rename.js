// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function move() {
  const from = path.join(dir, 'from.txt');
  const to = path.join(dir, 'to.txt');
  fs.writeFile(from, 'moved', (err) => {
    if (err) throw err;
    fs.rename(from, to, (err) => {
      if (err) throw err;
      console.log(fs.existsSync(from), fs.readFileSync(to, 'utf8'));
    });
  });
}

move();
