// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'words.txt'), 'one two three');

function countWords(name, callback) {
  fs.readFile(path.join(dir, name), 'utf8', (err, text) => {
    if (err) return callback(err);
    callback(null, text.split(' ').length);
  });
}

function report(name) {
  countWords(name, (err, count) => {
    if (err) {
      console.log('cannot count', name, err.code);
      return;
    }
    console.log(name, 'has', count, 'words');
  });
}

report('words.txt');
setTimeout(() => report('absent.txt'), 150);
