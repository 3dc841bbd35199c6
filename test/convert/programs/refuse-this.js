// expect: refused this-or-arguments
const timers = require('timers');

function main() {
  timers.setTimeout(function () {
    console.log('has refresh', typeof this.refresh);
  }, 1);
}

main();
