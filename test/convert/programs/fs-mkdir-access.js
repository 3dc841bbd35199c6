// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function prepare() {
  const nested = path.join(dir, 'x', 'y', 'z');
  fs.mkdir(nested, { recursive: true }, (err) => {
    if (err) throw err;
    fs.access(nested, (err) => {
      if (err) {
        console.log('no access');
        return;
      }
      console.log('made', path.relative(dir, nested));
    });
  });
}

prepare();
