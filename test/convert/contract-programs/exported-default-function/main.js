// expect: converted
// contracts: readJson
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const readJson = require('./read-json');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'p.json'), '{ "name": "x" }\n');
fs.writeFileSync(path.join(dir, 'bad.json'), '{ name: x }\n');

readJson(path.join(dir, 'p.json'), (err, pkg) => {
  if (err) throw err;
  console.log('name', pkg.name, 'arity', readJson.length, typeof readJson.call);
  readJson(path.join(dir, 'bad.json'), (err) => {
    console.log('bad:', err.name);
    readJson(path.join(dir, 'none.json'), (err) => console.log('none:', err.code));
  });
});
