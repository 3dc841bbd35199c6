'use strict';
function getPosts(user, cb) {
  setTimeout(() => {
    cb(null, user.id === 1 ? ['first', 'second'] : []);
  }, 2);
}

exports.getPosts = getPosts;
