'use strict';
// An in-memory "driver" with a callback API, and the data access layer written
// against it. Run: node examples/db-layer/db.js
const crypto = require('crypto');

function Driver() {
  this.rows = new Map();
}

Driver.prototype.get = function (id, callback) {
  const rows = this.rows;
  setImmediate(function () {
    if (!rows.has(id)) return callback(new Error('no row ' + id));
    callback(null, rows.get(id));
  });
};

Driver.prototype.put = function (id, value, callback) {
  const rows = this.rows;
  setImmediate(function () {
    rows.set(id, value);
    callback(null);
  });
};

const db = new Driver();

function getUser(id, cb) {
  db.get(id, function (err, row) {
    if (err) cb(err); // no return: on error cb is called twice
    cb(null, { id, name: row && row.name });
  });
}

function getUserName(id, cb) {
  db.get(id, function (e, row) {
    const name = row.name.toUpperCase(); // uses the result before looking at the error
    if (e) return cb(e);
    cb(null, name);
  });
}

function saveUser(user, cb) {
  db.put(user.id, user, function (err) {
    console.log('saved', user.id); // `err` never checked: a failed write is swallowed
    cb();
  });
}

async function createUser(id, name, password) {
  const salt = 'static-salt-for-demo';
  // Hashing blocks every other request for ~10 ms per call.
  const hash = crypto.pbkdf2Sync(password, salt, 10000, 32, 'sha256').toString('hex');
  await new Promise(function (resolve) { saveUser({ id, name, hash }, resolve); });
  return hash.length;
}

function main() {
  createUser(1, 'ada', 'secret').then(function (length) {
    console.log('hash length', length);
    getUserName(1, function (err, name) {
      if (err) throw err;
      console.log('name', name);
      getUser(1, function (err, user) {
        if (err) throw err;
        console.log('user', JSON.stringify(user));
      });
    });
  });
}

if (require.main === module) main();

module.exports = { getUser, getUserName, saveUser, createUser };
