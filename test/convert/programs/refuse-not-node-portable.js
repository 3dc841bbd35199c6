// expect: refused not-node
// The file checks where it runs (`typeof window`), so it may run in a browser:
// `process` does not make it Node.js, and no Node.js import is added.
const where = typeof window === 'undefined' ? 'server' : 'browser';
function later() {
  setTimeout(() => {
    console.log('after', where, typeof process);
  }, 10);
}

later();
console.log('sync end');
