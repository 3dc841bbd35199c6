// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'async.txt'), 'already async');

async function main() {
  const before = await fs.promises.readFile(path.join(dir, 'async.txt'), 'utf8');
  fs.readFile(path.join(dir, 'async.txt'), 'utf8', (err, text) => {
    if (err) throw err;
    console.log(before === text, text);
  });
}

main();
