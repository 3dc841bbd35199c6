// expect: converted
// contracts: readGreeting
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'greeting.txt'), 'hello from esm\n');

function readGreeting(name, cb) {
  fs.readFile(path.join(dir, name), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

readGreeting('greeting.txt', (err, text) => {
  if (err) throw err;
  console.log(text);
});
