// expect: converted
const crypto = require('crypto');

function derive() {
  crypto.pbkdf2('secret', 'salt', 1000, 16, 'sha256', (err, key) => {
    if (err) throw err;
    console.log(key.toString('hex'));
  });
}

derive();
