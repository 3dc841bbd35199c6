// expect: refused error-shape
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function main() {
  fs.readFile(path.join(dir, 'none'), (err, data) => {
    console.log('error?', Boolean(err));
    if (err) return;
    console.log(data);
  });
}

main();
