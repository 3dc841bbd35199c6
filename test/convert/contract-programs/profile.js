// expect: converted
// contracts: getUser, getPosts, loadProfile
'use strict';
const users = { 1: { id: 1, name: 'Ada' }, 2: { id: 2, name: 'Grace' } };
const posts = { 1: ['notes on the engine'], 2: [] };

function getUser(id, cb) {
  setImmediate(() => {
    const user = users[id];
    if (!user) return cb(new Error('no user ' + id));
    cb(null, user);
  });
}

function getPosts(user, cb) {
  setTimeout(() => {
    cb(null, posts[user.id] || []);
  }, 5);
}

function loadProfile(id, cb) {
  getUser(id, (err, user) => {
    if (err) return cb(err);
    getPosts(user, (err, list) => {
      if (err) return cb(err);
      cb(null, { name: user.name, posts: list.length });
    });
  });
}

loadProfile(1, (err, profile) => {
  if (err) throw err;
  console.log('profile', profile.name, profile.posts);
  loadProfile(3, (err) => {
    console.log('missing:', err ? err.message : 'none');
  });
});
