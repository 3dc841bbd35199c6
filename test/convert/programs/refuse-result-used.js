// expect: refused result-used
function main() {
  const timer = setTimeout(() => {
    console.log('fired');
  }, 5);
  console.log(typeof timer);
}

main();
