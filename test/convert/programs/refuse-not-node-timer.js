// expect: refused not-node
function later() {
  console.log('before');
  setTimeout(() => {
    console.log('after 20ms');
  }, 20);
}

later();
console.log('sync end');
