// expect: converted
// The loop's test awaits: `return` in the callback becomes `continue`.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'one'), '1');
fs.writeFileSync(path.join(dir, 'three'), '333');
fs.writeFileSync(path.join(dir, 'empty'), '');

const queue = ['one', 'nope', 'empty', 'three'];
async function next() {
  await new Promise((resolve) => setTimeout(resolve, 40));
  return queue.shift();
}

async function sizes() {
  let name;
  while ((name = await next())) {
    fs.stat(path.join(dir, name), (err, stats) => {
      if (err) return console.log('missing', name, err.code);
      if (stats.size === 0) return;
      console.log(name, stats.size);
    });
  }
}

sizes();
