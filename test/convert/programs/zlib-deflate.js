// expect: converted
const { deflate, inflate } = require('zlib');

function roundTrip(text) {
  deflate(Buffer.from(text), (err, packed) => {
    if (err) throw err;
    inflate(packed, (err, back) => {
      if (err) throw err;
      console.log(back.toString() === text, back.length);
    });
  });
}

roundTrip('abcabcabcabc');
