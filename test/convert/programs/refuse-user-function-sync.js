// expect: refused unknown-api
function check(n, cb) {
  if (n < 0) return cb(new Error('negative'));
  setImmediate(() => cb(null, n));
}

function main() {
  check(-1, (err, value) => {
    if (err) {
      console.log('sync error', err.message);
      return;
    }
    console.log(value);
  });
}

main();
console.log('after main');
