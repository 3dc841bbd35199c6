// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a.txt'), 'branch');

function show(flag) {
  if (flag) fs.readFile(path.join(dir, 'a.txt'), 'utf8', (err, text) => {
    if (err) throw err;
    console.log('read', text);
  });
  else console.log('skipped');
}

function chain(p) {
  if (p) p.then((v) => console.log('value', v));
}

show(true);
show(false);
chain(Promise.resolve(7));
chain(null);
