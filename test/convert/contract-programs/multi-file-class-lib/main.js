// expect: converted
// contracts: save, load, copy
// api: promise
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { openStore } = require('./lib');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const store = openStore(dir);
store.save('todo', 'buy milk', (err) => {
  if (err) throw err;
  store.copy('todo', 'backup', (err, name) => {
    if (err) throw err;
    store.load(name, (err, text) => {
      if (err) throw err;
      console.log(name + ':', text);
      store.copy('missing', 'x', (err) => console.log('copy missing:', err.code));
    });
  });
});
