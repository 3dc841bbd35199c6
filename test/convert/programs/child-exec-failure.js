// expect: converted
const { exec } = require('child_process');

function failing() {
  exec(`"${process.execPath}" -e "process.exit(3)"`, (error, stdout) => {
    if (error) {
      console.log('exit code', error.code);
      return;
    }
    console.log('unexpected', stdout);
  });
}

failing();
