'use strict';
const users = new Map([[1, 'Ada'], [2, 'Grace']]);

function getUser(id, cb) {
  setImmediate(() => {
    if (!users.has(id)) return cb(new Error('no user ' + id));
    cb(null, { id, name: users.get(id) });
  });
}

module.exports = { getUser };
