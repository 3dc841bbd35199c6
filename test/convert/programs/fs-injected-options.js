// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const file = path.join(dir, 'note.txt');
fs.writeFileSync(file, 'hello');

// An injected file system whose method reads `this`: awaited through promisify bound to it.
const countingFs = {
  reads: 0,
  readFile(p, encoding, callback) {
    this.reads += 1;
    fs.readFile(p, encoding, callback);
  },
};

function show(p, opts) {
  const xfs = opts.fs || fs;
  xfs.readFile(p, 'utf8', (err, text) => {
    if (err) throw err;
    console.log(text, countingFs.reads);
  });
}

show(file, { fs: countingFs });
