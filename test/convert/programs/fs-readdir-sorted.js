// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

for (const name of ['b.txt', 'a.txt', 'c.txt']) fs.writeFileSync(path.join(dir, name), name);

function list() {
  fs.readdir(dir, (err, names) => {
    if (err) throw err;
    console.log(names.sort().join(','));
  });
}

list();
