// expect: refused zalgo: calls back synchronously for an empty list of keys (step(0) starts at once)
// keeps: findAll
'use strict';
function Repo(items) {
  this.items = items;
}

Repo.prototype.find = function (key, cb) {
  setImmediate(() => {
    if (!(key in this.items)) return cb(new Error('no item ' + key));
    cb(null, this.items[key]);
  });
};

Repo.prototype.findAll = function (keys, cb) {
  const out = [];
  const self = this;
  function step(i) {
    if (i === keys.length) return cb(null, out);
    self.find(keys[i], (err, value) => {
      if (err) return cb(err);
      out.push(value);
      step(i + 1);
    });
  }
  step(0);
};

const repo = new Repo({ a: 1, b: 2, c: 3 });
repo.findAll(['a', 'c'], (err, values) => {
  if (err) throw err;
  console.log('values', values.join(','));
  repo.find('z', (err) => {
    console.log('find z:', err.message);
  });
});
