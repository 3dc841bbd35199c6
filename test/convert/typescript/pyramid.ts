import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function roundTrip(content: string) {
  fs.mkdtemp(path.join(os.tmpdir(), 'ts-'), (err, dir) => {
    if (err) throw err;
    const file = path.join(dir, 'x.txt');
    fs.writeFile(file, content, (err) => {
      if (err) throw err;
      fs.readFile(file, (err, data) => {
        if (err) throw err;
        console.log(data.byteLength === Buffer.byteLength(content));
      });
    });
  });
}

roundTrip('typed');
