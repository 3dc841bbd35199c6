// expect: converted
const dns = require('dns');

function resolve() {
  dns.lookup('localhost', { family: 4 }, (err, address, family) => {
    if (err) throw err;
    console.log(address, family);
  });
}

resolve();
