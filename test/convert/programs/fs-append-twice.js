// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function log() {
  const file = path.join(dir, 'log.txt');
  fs.appendFile(file, 'one\n', (err) => {
    if (err) throw err;
    fs.appendFile(file, 'two\n', (err) => {
      if (err) throw err;
      fs.readFile(file, 'utf8', (err, text) => {
        if (err) throw err;
        process.stdout.write(text);
      });
    });
  });
}

log();
