// A store whose method reads `this`: promisified, it must stay bound.
class Store {
  constructor(prefix) {
    this.prefix = prefix;
    this.values = new Map([['a', 'apple']]);
  }

  get(key, callback) {
    setTimeout(() => {
      if (!this.values.has(key)) return callback(Object.assign(new Error(`${this.prefix}: missing ${key}`), { code: 'ENOKEY' }));
      callback(null, `${this.prefix}:${this.values.get(key)}`);
    }, 1);
  }
}

module.exports = { Store };
