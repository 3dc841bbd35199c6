// expect: converted
const { scrypt } = require('crypto');

function derive() {
  scrypt('password', 'salt', 24, (err, key) => {
    if (err) throw err;
    console.log(key.toString('base64'));
  });
}

derive();
