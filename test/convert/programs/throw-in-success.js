// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'bad.json'), '{ not json');

function parse() {
  fs.readFile(path.join(dir, 'bad.json'), 'utf8', (err, text) => {
    if (err) throw err;
    console.log('parsing');
    JSON.parse(text);
  });
}

parse();
