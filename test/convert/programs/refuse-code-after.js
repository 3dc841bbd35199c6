// expect: refused code-after
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function main() {
  fs.readdir(dir, (err, names) => {
    if (err) throw err;
    console.log('names', names.length);
  });
  console.log('this runs first');
}

main();
