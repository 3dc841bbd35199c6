// expect: converted
const { exec } = require('child_process');

function failing() {
  exec(`"${process.execPath}" -e "process.stderr.write('bad input'); process.exit(2)"`, (error, stdout, stderr) => {
    if (error) {
      console.log('failed with', error.code, JSON.stringify(stderr), JSON.stringify({ stdout }));
      return;
    }
    console.log('unexpected', stdout);
  });
}

failing();
