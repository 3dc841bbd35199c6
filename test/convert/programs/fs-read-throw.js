// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

fs.writeFileSync(path.join(dir, 'a.txt'), 'hello\nworld\n');

function main() {
  fs.readFile(path.join(dir, 'a.txt'), 'utf8', (err, data) => {
    if (err) throw err;
    console.log(data.split('\n').length, data.trim());
  });
}

main();
console.log('started');
