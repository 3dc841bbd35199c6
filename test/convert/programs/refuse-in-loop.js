// expect: refused in-loop
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function all() {
  for (const name of ['only']) {
    fs.writeFile(path.join(dir, name), name, (err) => {
      if (err) throw err;
      console.log('wrote', name);
    });
  }
}

all();
