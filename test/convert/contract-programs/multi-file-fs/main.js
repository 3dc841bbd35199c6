// expect: converted
// contracts: readJson, writeJson, updateJson
const fs = require('fs');
const os = require('os');
const path = require('path');
const files = require('./files');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const file = path.join(dir, 'state.json');
files.writeJson(file, { visits: 1 }, (err) => {
  if (err) throw err;
  files.updateJson(file, (s) => ({ visits: s.visits + 1 }), (err, name) => {
    if (err) throw err;
    files.readJson(file, (err, state) => {
      if (err) throw err;
      console.log(name, state.visits);
      files.readJson(path.join(dir, 'nope.json'), (err) => {
        console.log('nope:', err.code);
      });
    });
  });
});
