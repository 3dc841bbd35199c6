// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'good.json'), '{"version":3}');
fs.writeFileSync(path.join(dir, 'bad.json'), '{ nope');

function readJson(name, cb) {
  fs.readFile(path.join(dir, name), 'utf8', (err, text) => {
    if (err) return cb(err);
    let value;
    try {
      value = JSON.parse(text);
    } catch (parseError) {
      return cb(parseError);
    }
    cb(null, value);
  });
}

function show(name) {
  readJson(name, (err, value) => {
    if (err) {
      console.log(name, 'failed:', err.code || err.name);
      return;
    }
    console.log(name, 'version', value.version);
  });
}

function main() {
  show('good.json');
  setTimeout(() => show('bad.json'), 50);
  setTimeout(() => show('none.json'), 250);
}

main();
