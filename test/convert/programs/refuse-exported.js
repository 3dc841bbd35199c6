// expect: refused owner-result-used
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
module.exports = function list() {
  fs.readdir(dir, (err, names) => {
    if (err) throw err;
    console.log('listed', names.length);
  });
};

module.exports();
