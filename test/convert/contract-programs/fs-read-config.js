// expect: converted
// contracts: readConfig
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, 'good.json'), '{"port": 8080}');

function readConfig(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (parseErr) {
      return cb(parseErr);
    }
    cb(null, parsed);
  });
}

readConfig(path.join(dir, 'good.json'), (err, config) => {
  if (err) throw err;
  console.log('port', config.port);
  readConfig(path.join(dir, 'missing.json'), (err) => {
    console.log('missing:', err.code);
  });
});
