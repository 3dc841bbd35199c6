// expect: converted
const timers = require('timers');

function soon() {
  timers.setImmediate(() => {
    console.log('immediate');
  });
}

soon();
console.log('first');
