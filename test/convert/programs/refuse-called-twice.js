// expect: refused unknown-api
function twice(cb) {
  setImmediate(() => cb(null, 1));
  setImmediate(() => cb(null, 2));
}

function main() {
  twice((err, value) => {
    if (err) throw err;
    console.log('got', value);
  });
}

main();
