// expect: converted
const { setTimeout: sleep } = require('timers/promises');

function main() {
  sleep(10, 'value')
    .then((value) => {
      console.log('got', value);
      return sleep(5, value.toUpperCase());
    })
    .then((upper) => console.log('then', upper))
    .finally(() => console.log('finally'));
}

main();
