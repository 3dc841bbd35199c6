// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'default.txt'), 'the default');
fs.writeFileSync(path.join(dir, 'notes.md'), '# notes');

function describe(name, done) {
  if (!name) return fs.readFile(path.join(dir, 'default.txt'), 'utf8', (err, text) => {
    if (err) return done(err);
    done(null, 'default: ' + text);
  });
  for (const candidate of [name, name + '.md']) {
    if (fs.existsSync(path.join(dir, candidate))) return fs.stat(path.join(dir, candidate), function (er, st) {
      if (er) return done(er);
      done(null, candidate + ' has ' + st.size + ' bytes');
    });
  }
  done(null, 'nothing for ' + name);
}

function print(err, text) {
  console.log(err ? 'error ' + err.code : text);
}

describe('', print);
setTimeout(() => describe('notes', print), 1000);
describe('missing', print);
console.log('all started');
