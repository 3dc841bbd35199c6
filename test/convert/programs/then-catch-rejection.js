// expect: converted
function fail() {
  return Promise.reject(new Error('boom'));
}

function main() {
  fail()
    .then(() => console.log('not reached'))
    .catch((error) => console.log('caught', error.message));
}

main();
console.log('sync first');
