'use strict';
const { getUser } = require('./users');
const { getPosts } = require('./posts');

function loadProfile(id, cb) {
  getUser(id, (err, user) => {
    if (err) return cb(err);
    getPosts(user, (err, posts) => {
      if (err) return cb(err);
      cb(null, user.name + ' (' + posts.length + ' posts)');
    });
  });
}

module.exports = { loadProfile };
