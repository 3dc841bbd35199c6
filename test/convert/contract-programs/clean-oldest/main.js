// expect: converted
// contracts: cleanOldest
const fs = require('fs');
const os = require('os');
const path = require('path');
const cleanOldest = require('./clean');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const dir = path.join(root, 'box');
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, 'a.txt'), 'hello');

cleanOldest(dir, (err, size) => {
  if (err) throw err;
  console.log('removed entry of size', size, 'dir exists:', fs.existsSync(dir));
  cleanOldest(dir, (err) => {
    console.log('second call:', err ? err.code : 'ok');
    console.log('arity', cleanOldest.length);
  });
});
