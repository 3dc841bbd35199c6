// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const file = path.join(dir, 'sized.bin');
fs.writeFileSync(file, Buffer.alloc(1234));

function describe() {
  fs.stat(file, (err, stats) => {
    if (err) throw err;
    console.log(stats.isFile(), stats.isDirectory(), stats.size);
  });
}

describe();
