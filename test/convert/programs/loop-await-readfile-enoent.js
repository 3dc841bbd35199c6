// expect: converted
// A loop that already awaits on every iteration: the read joins the wait; a missing file takes the error path.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a.txt'), 'alpha\n');
fs.writeFileSync(path.join(dir, 'c.txt'), 'gamma\n');

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function show(names) {
  for (const name of names) {
    await pause(40);
    fs.readFile(path.join(dir, name), 'utf8', (err, text) => {
      if (err) {
        console.log('failed', name, err.code);
        return;
      }
      console.log(name, text.trim());
    });
  }
}

show(['a.txt', 'missing.txt', 'c.txt']);
