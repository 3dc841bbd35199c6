// expect: converted
// contracts: outputText
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const outputText = require('./lib');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

outputText(path.join(dir, 'a.txt'), 'caf\u00e9', (err, size) => {
  if (err) throw err;
  console.log('utf8 size:', size);
  outputText(path.join(dir, 'b.txt'), 'caf\u00e9', 'latin1', (err, size) => {
    if (err) throw err;
    console.log('latin1 size:', size);
    // No callback: the error is dropped, as the API says.
    outputText(path.join(dir, 'no', 'such', 'c.txt'), 'x');
    setTimeout(() => {
      outputText(path.join(dir, 'no', 'such', 'd.txt'), 'x', (err) => {
        console.log('failed:', err.code, outputText.length);
      });
    }, 20);
  });
});
