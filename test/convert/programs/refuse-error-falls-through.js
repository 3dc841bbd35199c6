// expect: refused error-falls-through
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function main() {
  fs.readFile(path.join(dir, 'none'), 'utf8', (err, data) => {
    if (err) console.log('failed', err.code);
    console.log('data is', data);
  });
}

main();
