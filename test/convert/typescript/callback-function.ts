import * as fs from 'node:fs';

function size(name: string, cb: (err: NodeJS.ErrnoException | null, bytes?: number) => void): void {
  fs.stat(name, (err, stats) => {
    if (err) return cb(err);
    cb(null, stats.size);
  });
}

function report(name: string) {
  size(name, (err, bytes) => {
    if (err) {
      console.log('no size', err.code);
      return;
    }
    console.log(name, bytes);
  });
}

report('a.txt');
