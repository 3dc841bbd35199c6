// Converted with types (the file name starts with `typed-`): only the declared
// types say these callees call back once, error first, with one result.
interface User {
  id: string;
  name: string;
}

declare function fetchUser(id: string, cb: (err: Error | null, user?: User) => void): void;

declare class Store {
  get(key: string, cb: (err: NodeJS.ErrnoException | null, value?: string) => void): void;
}

declare function query(sql: string): Promise<User[]>;
declare function query(sql: string, cb: (err: Error | null, rows?: User[]) => void): void;

function greet(id: string) {
  fetchUser(id, (err, user) => {
    if (err) throw err;
    console.log('hello', user?.name);
  });
}

function show(store: Store, key: string) {
  store.get(key, (err, value) => {
    if (err) {
      console.log('missing', err.code);
      return;
    }
    console.log(key, value?.length);
  });
}

function count() {
  query('select', (err, rows) => {
    if (err) throw err;
    console.log(rows?.length);
  });
}

greet('1');
show(new Store(), 'a');
count();

export {};
