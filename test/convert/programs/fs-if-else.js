// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function show(name) {
  fs.readFile(path.join(dir, name), 'utf8', (err, data) => {
    if (err) {
      console.log('missing', name);
    } else {
      console.log('found', data);
    }
  });
}

fs.writeFileSync(path.join(dir, 'here.txt'), 'here');
show('here.txt');
setTimeout(() => show('gone.txt'), 100);
