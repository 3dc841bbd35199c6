// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const stream = require('stream');
const zlib = require('zlib');
const source = path.join(dir, 'in.txt');
const target = path.join(dir, 'out.gz');
fs.writeFileSync(source, 'stream me '.repeat(100));

function compress() {
  stream.pipeline(fs.createReadStream(source), zlib.createGzip(), fs.createWriteStream(target), (err) => {
    if (err) throw err;
    console.log('round trip ok', zlib.gunzipSync(fs.readFileSync(target)).toString() === 'stream me '.repeat(100));
  });
}

compress();
