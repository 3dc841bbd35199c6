// expect: converted
const crypto = require('crypto');
const { promisify } = require('util');
const pbkdf2 = promisify(crypto.pbkdf2);

function hash(password) {
  return pbkdf2(password, 'salt', 10, 8, 'sha256').then((key) => key.toString('hex'));
}

function main() {
  hash('pw').then((hex) => {
    console.log(hex);
  }).catch((error) => {
    console.log('error', error.message);
  });
}

main();
