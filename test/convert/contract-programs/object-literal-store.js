// expect: converted
// contracts: get, put, rename
'use strict';
const store = {
  data: new Map(),
  get(key, cb) {
    setImmediate(() => {
      if (!this.data.has(key)) return cb(new Error('missing ' + key));
      cb(null, this.data.get(key));
    });
  },
  put(key, value, cb) {
    setImmediate(() => {
      this.data.set(key, value);
      cb(null);
    });
  },
  rename(from, to, cb) {
    this.get(from, (err, value) => {
      if (err) return cb(err);
      this.put(to, value, (err) => {
        if (err) return cb(err);
        this.data.delete(from);
        cb(null, to);
      });
    });
  },
};

store.put('a', 42, (err) => {
  if (err) throw err;
  store.rename('a', 'b', (err, key) => {
    if (err) throw err;
    store.get(key, (err, value) => {
      if (err) throw err;
      console.log(key, value, store.data.has('a'));
      store.rename('a', 'c', (err) => console.log('rename again:', err.message));
    });
  });
});
