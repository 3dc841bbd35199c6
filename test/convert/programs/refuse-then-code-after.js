// expect: refused code-after
function main() {
  Promise.resolve('later').then((v) => console.log(v));
  console.log('now');
}

main();
