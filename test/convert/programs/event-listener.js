// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const { EventEmitter } = require('events');
fs.writeFileSync(path.join(dir, 'event.txt'), 'event data');
const emitter = new EventEmitter();

emitter.on('load', (name) => {
  fs.readFile(path.join(dir, name), 'utf8', (err, text) => {
    if (err) throw err;
    console.log('loaded', text);
  });
});

emitter.emit('load', 'event.txt');
