// expect: converted
const crypto = require('crypto');

function keys() {
  crypto.generateKeyPair('ed25519', (err, publicKey, privateKey) => {
    if (err) throw err;
    console.log(publicKey.type, privateKey.type, publicKey.asymmetricKeyType);
  });
}

keys();
