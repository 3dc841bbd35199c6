'use strict';
// The package's main exports the class: code outside this program calls
// `cache.get(key, cb)`, so in the default --api callback its methods keep
// their callbacks.
class Cache {
  constructor(values) {
    this.values = values;
  }

  get(key, cb) {
    setImmediate(() => {
      if (!(key in this.values)) return cb(new Error('no key ' + key));
      cb(null, this.values[key]);
    });
  }

  getBoth(a, b, cb) {
    this.get(a, (err, first) => {
      if (err) return cb(err);
      this.get(b, (err, second) => {
        if (err) return cb(err);
        cb(null, [first, second]);
      });
    });
  }
}

module.exports = Cache;
