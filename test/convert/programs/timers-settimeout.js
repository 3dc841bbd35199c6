// expect: converted
const { performance } = require('perf_hooks');

function later() {
  console.log('before');
  setTimeout(() => {
    console.log('after 20ms', performance.now() >= 20);
  }, 20);
}

later();
console.log('sync end');
