// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'config.json'), '{"name":"demo","port":8080}');

function load(name) {
  return fs.promises.readFile(path.join(dir, name), 'utf8')
    .then((text) => JSON.parse(text))
    .then((config) => {
      console.log('loaded', config.name);
      return config;
    })
    .catch((err) => {
      console.log('failed', err.code || err.name);
      return null;
    });
}

function main() {
  load('config.json').then((config) => {
    console.log('port', config.port);
    return load('missing.json');
  }).then((missing) => console.log('missing is', missing)).finally(() => console.log('done'));
}

main();
