// expect: converted
const zlib = require('zlib');
const { promisify } = require('util');
const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

function roundTrip(text) {
  return gzip(text)
    .then((packed) => gunzip(packed))
    .then((back) => back.toString());
}

function main() {
  roundTrip('through promises').then((text) => console.log(text));
}

main();
