// expect: converted
const childProcess = require('child_process');

function run() {
  childProcess.execFile(process.execPath, ['-e', 'process.stdout.write("out"); process.stderr.write("err")'], (err, out, errOut) => {
    if (err) throw err;
    console.log(out, errOut);
  });
}

run();
