// expect: converted
const http = require('http');
const zlib = require('zlib');

const server = http.createServer((req, res) => {
  zlib.gzip('payload from ' + req.url, (err, packed) => {
    if (err) throw err;
    res.setHeader('content-encoding', 'gzip');
    res.end(packed);
  });
});

server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/data' }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => {
      console.log(res.headers['content-encoding'], zlib.gunzipSync(Buffer.concat(chunks)).toString());
      server.close();
    });
  });
});
