// expect: refused chain-shape
function main() {
  Promise.resolve(1).then(
    (v) => console.log('value', v),
    (e) => console.log('error', e),
  );
}

main();
