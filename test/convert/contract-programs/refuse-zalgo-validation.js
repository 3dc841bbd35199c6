// expect: refused zalgo: calls back synchronously on invalid input
// keeps: parsePort
'use strict';
function parsePort(text, cb) {
  const port = Number(text);
  if (!Number.isInteger(port)) return cb(new Error('not a port: ' + text));
  setTimeout(() => cb(null, port), 1);
}

let sync = true;
parsePort('abc', (err) => {
  console.log('error', err.message, 'synchronous:', sync);
});
parsePort('8080', (err, port) => {
  console.log('port', port, 'synchronous:', sync);
});
sync = false;
