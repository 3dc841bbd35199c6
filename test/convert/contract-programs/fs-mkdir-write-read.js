// expect: converted
// contracts: prepare
const fs = require('fs');
const os = require('os');
const path = require('path');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));

function prepare(name, content, done) {
  const dir = path.join(root, name);
  fs.mkdir(dir, (err1) => {
    if (err1) return done(err1);
    fs.writeFile(path.join(dir, 'data.txt'), content, (err2) => {
      if (err2) return done(err2);
      fs.readFile(path.join(dir, 'data.txt'), 'utf8', (err3, text) => {
        if (err3) return done(err3);
        done(undefined, text.length);
      });
    });
  });
}

prepare('first', 'twelve chars', (err, n) => {
  if (err) throw err;
  console.log('wrote', n);
  prepare('first', 'again', (err) => {
    console.log('second prepare:', err ? err.code : 'ok');
  });
});
