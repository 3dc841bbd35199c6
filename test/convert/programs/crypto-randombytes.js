// expect: converted
const crypto = require('crypto');

function token() {
  crypto.randomBytes(12, (err, bytes) => {
    if (err) throw err;
    console.log(bytes.length, bytes.toString('hex').length);
  });
}

token();
