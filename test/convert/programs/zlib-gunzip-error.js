// expect: converted
const zlib = require('zlib');

function bad() {
  zlib.gunzip(Buffer.from('not gzip'), (err, out) => {
    if (err) {
      console.log('gunzip failed', err.code);
      return;
    }
    console.log(out);
  });
}

bad();
