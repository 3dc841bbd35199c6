// expect: refused in-try
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function main() {
  try {
    fs.readdir(dir, (err, names) => {
      if (err) throw err;
      console.log(names.length);
    });
  } catch (e) {
    console.log('caught', e.message);
  }
}

main();
