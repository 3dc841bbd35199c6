// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function save() {
  const file = path.join(dir, 'unchecked.txt');
  fs.writeFile(file, 'saved', () => {
    console.log('saved', fs.readFileSync(file, 'utf8'));
  });
}

save();
