// expect: converted
// contracts: fileSize, pairSize, firstLine
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const sizes = require('./sizes');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a'), 'one\ntwo\n');
fs.writeFileSync(path.join(dir, 'b'), '678');

sizes.pairSize(dir, 'a', 'b', (err, total) => {
  if (err) throw err;
  console.log('total', total, 'arity', sizes.pairSize.length, sizes.fileSize.length, sizes.firstLine.length);
  sizes.firstLine(path.join(dir, 'a'), (err, line) => {
    console.log('first line', line, err);
    sizes.fileSize(dir, 'gone', (err) => {
      console.log('gone:', err.code);
      process.exitCode = 3;
    });
  });
});
