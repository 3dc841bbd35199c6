// expect: refused in-loop
// The function awaits, but before the loop: the loop's iterations do not wait, so the writes stay concurrent.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

async function writeAll(names) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  for (const name of names) {
    fs.writeFile(path.join(dir, name), name, (err) => {
      if (err) throw err;
      console.log('wrote', name, fs.readFileSync(path.join(dir, name), 'utf8'));
    });
  }
}

writeAll(['only']);
