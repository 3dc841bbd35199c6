// expect: converted
// contracts: copyText
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// Copies a text file, upper-cased; calls back with the number of characters.
function copyText(from, to, cb) {
  fs.readFile(from, 'utf8', (err, text) => {
    if (err) return cb(err);
    fs.writeFile(to, text.toUpperCase(), (err) => {
      if (err) return cb(err);
      cb(null, text.length);
    });
  });
}

function main() {
  const src = path.join(dir, 'in.txt');
  fs.writeFileSync(src, 'quiet words');
  copyText(src, path.join(dir, 'out.txt'), (err, n) => {
    if (err) {
      console.log('copy failed', err.code);
      return;
    }
    console.log('copied', n, fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'));
  });
}

main();
