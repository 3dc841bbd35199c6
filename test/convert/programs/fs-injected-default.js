// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// `options.fs ?? require('fs')`: no fs injected, the real one is used, through the same value.
function makeAndCheck(target, options) {
  const xfs = options.fs ?? require('fs');
  xfs.mkdir(target, (err) => {
    if (err) throw err;
    xfs.stat(target, (err2, st) => {
      if (err2) throw err2;
      console.log('directory:', st.isDirectory());
    });
  });
}

makeAndCheck(path.join(dir, 'sub'), {});
