// expect: refused result-option
const dns = require('dns');

function all() {
  dns.lookup('localhost', { all: true, family: 4 }, (err, addresses) => {
    if (err) throw err;
    console.log(addresses.map((a) => a.address).join(','));
  });
}

all();
