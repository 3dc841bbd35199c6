// expect: converted
// contracts: totalSize
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const sizes = require('./sizes');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a'), '12345');
fs.writeFileSync(path.join(dir, 'b'), '678');

sizes.totalSize(dir, (err, total) => {
  if (err) {
    console.log('failed', err.code);
    process.exitCode = 1;
    return;
  }
  console.log('total', total);
  sizes.totalSize(path.join(dir, 'gone'), (err) => {
    console.log('gone:', err.code);
    process.exitCode = 3;
  });
});
