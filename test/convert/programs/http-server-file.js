// expect: converted
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const http = require('http');
fs.writeFileSync(path.join(dir, 'index.html'), '<p>hi</p>');

const server = http.createServer((req, res) => {
  fs.readFile(path.join(dir, req.url.slice(1)), (err, body) => {
    if (err) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.end(body);
  });
});

function get(port, file, done) {
  http.get({ host: '127.0.0.1', port, path: '/' + file }, (res) => {
    let text = '';
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => done(res.statusCode, text));
  });
}

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  get(port, 'index.html', (status, text) => {
    console.log(status, text);
    get(port, 'missing.html', (status2, text2) => {
      console.log(status2, text2);
      server.close();
    });
  });
});
