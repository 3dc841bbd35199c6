// expect: refused chain-shape
function main() {
  Promise.reject(new Error('x'))
    .catch(() => 'recovered')
    .then((v) => console.log(v));
}

main();
