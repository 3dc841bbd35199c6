// expect: refused callback-not-inline
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function onList(err, names) {
  if (err) throw err;
  console.log('listed', names.length);
}

function main() {
  fs.readdir(dir, onList);
}

main();
