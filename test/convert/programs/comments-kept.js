// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'c.txt'), 'commented');

// Reads the file.
function read() {
  /* before */ fs.readFile(path.join(dir, 'c.txt') /* path */, 'utf8', /* callback */ (err, text) => {
    // the error
    if (err) throw err; // rethrown
    // the success
    console.log(text); // printed
    // trailing
  }); // after the call
}

read();
