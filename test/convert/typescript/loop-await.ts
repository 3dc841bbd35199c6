import * as fs from 'node:fs';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function sizes(names: readonly string[]): Promise<void> {
  for (const name of names) {
    await pause(1);
    fs.stat(name, (err, stats) => {
      if (err) return console.log('missing', name, err.code);
      if (stats.size === 0) return;
      fs.readFile(name, 'utf8', (err, text) => {
        if (err) throw err;
        console.log(name, text.trim().length, stats.size);
      });
    });
  }
}

sizes(['a.txt']);
