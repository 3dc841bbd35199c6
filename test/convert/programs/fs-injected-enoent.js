// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

// The injected fs's error reaches the handler as before.
const loggingFs = {
  calls: [],
  stat(p, callback) {
    this.calls.push(path.basename(p));
    fs.stat(p, callback);
  },
};

function report(p, opts) {
  const xfs = opts.fs || fs;
  xfs.stat(p, (err, st) => {
    if (err) {
      console.log('missing:', err.code, loggingFs.calls.join(','));
      return;
    }
    console.log('size:', st.size);
  });
}

report(path.join(dir, 'nothing-here'), { fs: loggingFs });
