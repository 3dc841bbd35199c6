// expect: converted
// `.then(this.#parse)`: a private method that uses no `this` is called as `this.#parse(value)`.
class Reader {
  #parse(text) {
    return JSON.parse(text).size;
  }

  #fallback = (problem) => `unreadable: ${problem.message}`;

  read(text) {
    return Promise.resolve(text).then(this.#parse);
  }

  readOrExplain(text) {
    return Promise.resolve(text).then(this.#parse).catch(this.#fallback);
  }
}

async function main() {
  const reader = new Reader();
  console.log(await reader.read('{"size": 3}'));
  console.log(await reader.readOrExplain('{"size": 4}'));
  console.log(await reader.readOrExplain('not json'));
  await reader.read('still not json').catch((error) => console.log('rejected', error.name));
}

main();
console.log('sync first');
