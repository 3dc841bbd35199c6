// expect: converted
const { lookup } = require('node:dns');

function resolve() {
  lookup('localhost', 4, (err, address) => {
    if (err) {
      console.log('lookup failed');
      return;
    }
    console.log('address', address);
  });
}

resolve();
