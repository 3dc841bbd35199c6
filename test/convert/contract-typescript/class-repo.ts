import { readFile } from 'fs';

type Callback<T> = (err: Error | null, value?: T) => void;

class Settings {
  private readonly cache = new Map<string, string>();

  read(name: string, cb: Callback<string>): void {
    readFile(__filename, 'utf8', (err, text) => {
      if (err) return cb(err);
      this.cache.set(name, text.slice(0, 6));
      cb(null, name + '=' + (text.length > 0));
    });
  }

  readBoth(a: string, b: string, cb: (err: Error | null, both?: string[]) => void): void {
    this.read(a, (err, first) => {
      if (err) return cb(err);
      this.read(b, (err2, second) => {
        if (err2) return cb(err2);
        cb(null, [first as string, second as string]);
      });
    });
  }
}

const settings = new Settings();
settings.readBoth('x', 'y', (err, both) => {
  if (err) throw err;
  console.log((both ?? []).join(' '));
});
