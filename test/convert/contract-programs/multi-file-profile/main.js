// expect: converted
// contracts: getUser, getPosts, loadProfile
'use strict';
const { loadProfile } = require('./profile');

loadProfile(1, (err, text) => {
  if (err) throw err;
  console.log(text);
  loadProfile(2, (err, text2) => {
    if (err) throw err;
    console.log(text2);
    loadProfile(7, (err) => {
      console.log('error:', err.message);
    });
  });
});
