// expect: converted
// A pyramid inside a `for await` loop flattens; each copy is read back.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
for (const name of ['x', 'y']) fs.writeFileSync(path.join(dir, name), `content of ${name}`);

async function* names() {
  for (const name of ['x', 'y']) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    yield name;
  }
}

async function backup() {
  for await (const name of names()) {
    const source = path.join(dir, name);
    fs.readFile(source, (err, data) => {
      if (err) throw err;
      fs.writeFile(`${source}.bak`, data, (err) => {
        if (err) throw err;
        fs.readFile(`${source}.bak`, 'utf8', (err, copy) => {
          if (err) throw err;
          console.log('backed up', name, copy);
        });
      });
    });
  }
}

backup();
