import * as fs from 'fs';

// fs.exists calls back with a boolean: typed as one once awaited.
function present(file: string, cb: (err: Error | null, found?: boolean) => void): void {
  fs.exists(file, (found) => {
    if (!found) return cb(null, found);
    fs.stat(file, (err, st) => {
      if (err) return cb(err);
      cb(null, st.isFile());
    });
  });
}

present(__filename, (err, found) => {
  if (err) throw err;
  console.log('this file:', found);
  present(__filename + '.missing', (err2, missing) => {
    if (err2) throw err2;
    console.log('a missing file:', missing);
  });
});
