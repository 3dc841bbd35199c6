// expect: converted
const { exec } = require('child_process');

function version() {
  exec(`"${process.execPath}" -e "console.log(6 * 7)"`, (error, stdout, stderr) => {
    if (error) throw error;
    console.log('answer', stdout.trim(), JSON.stringify(stderr));
  });
}

version();
