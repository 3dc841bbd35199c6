// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'r.txt'), '  padded  ');

function trimmed() {
  fs.readFile(path.join(dir, 'r.txt'), 'utf8', (err, text) => {
    if (err) throw err;
    text = text.trim();
    console.log(`[${text}]`);
  });
}

trimmed();
