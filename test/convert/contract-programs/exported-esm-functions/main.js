// expect: converted
// contracts: fileSizeAsync, pairSizeAsync
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pairSize, { fileSize } from './sizes.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'a'), '12345');
fs.writeFileSync(path.join(dir, 'b'), '678');
pairSize(dir, 'a', 'b', (err, total) => {
  if (err) throw err;
  console.log('total', total, 'arity', pairSize.length, fileSize.length);
  fileSize(dir, 'gone', (err) => console.log('gone:', err.code));
});
