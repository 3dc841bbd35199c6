// expect: converted
// `setImmediate` exists only on Node.js: the file gets `node:timers/promises`.
function tick(label) {
  setImmediate(() => {
    console.log('immediate', label);
  });
}

tick('a');
console.log('sync end');
