// expect: converted
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function main() {
  const file = path.join(dir, 'esm.txt');
  fs.writeFile(file, 'esm', (err) => {
    if (err) throw err;
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) throw err;
      console.log('esm says', text);
    });
  });
}

main();
