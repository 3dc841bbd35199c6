// expect: refused this-or-arguments
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function main() {
  fs.stat(dir, function (err) {
    if (err) throw err;
    console.log('arguments', arguments.length);
  });
}

main();
