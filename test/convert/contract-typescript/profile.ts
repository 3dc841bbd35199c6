import * as fs from 'fs';

interface User { id: number; name: string }

function getUser(id: number, cb: (err: Error | null, user?: User) => void): void {
  setImmediate(() => {
    if (id < 0) return cb(new Error('bad id'));
    cb(null, { id, name: 'user' + id });
  });
}

function loadName(id: number, cb: (err: Error | null, name?: string) => void): void {
  getUser(id, (err, user) => {
    if (err) return cb(err);
    fs.readFile(__filename, 'utf8', (err2, text) => {
      if (err2) return cb(err2);
      cb(null, (user as User).name + ':' + (text.length > 0));
    });
  });
}

loadName(1, (err, name) => {
  if (err) throw err;
  console.log(name);
});
