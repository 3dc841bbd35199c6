// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function run() {
  const file = path.join(dir, 'note.txt');
  fs.writeFile(file, 'pyramid', (err) => {
    if (err) throw err;
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) throw err;
      console.log('read', text);
      fs.unlink(file, (err) => {
        if (err) throw err;
        console.log('exists after unlink', fs.existsSync(file));
      });
    });
  });
}

run();
