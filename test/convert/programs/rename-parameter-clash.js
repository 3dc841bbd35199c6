// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'clash.txt'), 'from file');

function show(data) {
  console.log('argument', data);
  fs.readFile(path.join(dir, 'clash.txt'), 'utf8', (err, data) => {
    if (err) throw err;
    console.log('file', data);
  });
}

show('from argument');
