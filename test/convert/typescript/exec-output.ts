import { exec } from 'node:child_process';

function version(): void {
  exec('git --version', (error, stdout, stderr) => {
    if (error) {
      console.log('failed', error.code, stderr.trim());
      return;
    }
    console.log(stdout.trim().split(' ').at(-1));
  });
}

version();
