// expect: converted
const zlib = require('zlib');

function roundTrip() {
  zlib.gzip('compress me please', (err, packed) => {
    if (err) throw err;
    zlib.gunzip(packed, (err, unpacked) => {
      if (err) throw err;
      console.log(unpacked.toString());
    });
  });
}

roundTrip();
