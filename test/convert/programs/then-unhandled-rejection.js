// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function main() {
  fs.promises.readFile(path.join(dir, 'absent.txt'))
    .then((buffer) => console.log(buffer.length));
}

main();
