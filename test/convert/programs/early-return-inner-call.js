// expect: converted
// An early `return api(…, cb)` inside a callback, with code after its `if`:
// flattened, the branch must still end there.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'full.txt'), 'some text');
fs.writeFileSync(path.join(dir, 'empty.txt'), '');

function show(name) {
  fs.stat(path.join(dir, name), (err, stats) => {
    if (err) return console.log('missing', name);
    if (stats.size > 0) return fs.readFile(path.join(dir, name), 'utf8', (err2, text) => {
      if (err2) return console.log('unreadable', name);
      console.log('read', name, text.length);
    });
    if (name.startsWith('e')) {
      return fs.readdir(dir, (err3, names) => {
        if (err3) return console.log('no folder');
        console.log('empty', name, 'among', names.length);
      });
    }
    console.log('not shown', name);
  });
}

show('full.txt');
setTimeout(() => show('empty.txt'), 50);
setTimeout(() => show('nope.txt'), 100);
