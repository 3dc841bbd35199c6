// expect: converted
// `.then` after `.catch`/`.finally`: it runs on the value of either path.
function main() {
  Promise.reject(new Error('x'))
    .catch(() => 'recovered')
    .then((v) => console.log(v));
}

function parse(text) {
  return Promise.resolve(text)
    .then((t) => JSON.parse(t))
    .catch((err) => ({ error: err.name }))
    .finally(() => console.log('parsed', text))
    .then((value) => JSON.stringify(value));
}

function twice(n) {
  return Promise.resolve(n).then((x) => x * 2).catch(() => 0).then(({ toFixed }) => typeof toFixed);
}

main();
parse('{"a":1}').then(console.log).then(() => parse('{')).then(console.log).then(() => twice(3)).then(console.log);
