// expect: converted
// The loop awaits after the call (the `do…while` test): iterations already wait; `return` in the error branch becomes `continue`.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'part-0'), 'zero');
fs.writeFileSync(path.join(dir, 'part-2'), 'two');

const more = (index) => new Promise((resolve) => setTimeout(() => resolve(index < 3), 40));

async function parts() {
  let index = 0;
  do {
    const name = `part-${index}`;
    fs.readFile(path.join(dir, name), 'utf8', (err, text) => {
      if (err) {
        console.log('no', name, err.code);
        return;
      }
      console.log(name, text);
    });
  } while (await more(++index));
}

parts();
