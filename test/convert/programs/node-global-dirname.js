// expect: converted
// `__dirname` marks a CommonJS module run by Node.js.
const here = __dirname.length > 0;
function later() {
  setTimeout(() => {
    console.log('later', here);
  }, 5);
}

later();
console.log('sync end');
