// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'fd.txt');
fs.writeFileSync(file, '12345');

function inspect() {
  fs.open(file, 'r', (err, fd) => {
    if (err) throw err;
    fs.fstat(fd, (err, stats) => {
      if (err) throw err;
      console.log('size', stats.size);
      fs.close(fd, (err) => {
        if (err) throw err;
        console.log('closed');
      });
    });
  });
}

inspect();
