// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function delayed() {
  setTimeout(() => {
    fs.writeFile(path.join(dir, 't.txt'), 'timer', (err) => {
      if (err) throw err;
      console.log('written after timer', fs.readFileSync(path.join(dir, 't.txt'), 'utf8'));
    });
  }, 5);
}

delayed();
