// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
function check() {
  fs.stat(path.join(dir, 'absent'), (err, stats) => {
    if (err != null) {
      console.log('absent', err.code);
      return;
    }
    console.log(stats.size);
  });
}

check();
