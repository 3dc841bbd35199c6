import * as fs from 'node:fs';

function show(name: string): void {
  fs.readFile(name, 'utf8', (err, text) => {
    if (err) {
      console.log('cannot read', name, err.code);
      return;
    }
    console.log(text.toUpperCase());
  });
}

show('a.txt');
