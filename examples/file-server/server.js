'use strict';
// A small static file server in the callback style of 2014, with a newer
// async handler bolted on. Run: node examples/file-server/server.js
const http = require('http');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, 'public');
const TYPES = { '.html': 'text/html', '.txt': 'text/plain', '.json': 'application/json' };

// Start-up code may block: nothing else runs yet. Not reported.
const banner = fs.readFileSync(path.join(ROOT, 'banner.txt'), 'utf8').trim();

function sendFile(res, file, callback) {
  fs.stat(file, function (err, stats) {
    if (err) return callback(err);
    if (!stats.isFile()) return callback(new Error('not a file: ' + file));
    fs.readFile(file, function (err, body) {
      if (err) callback(err); // forwards the error but does not return: callback runs twice
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
      callback(null, body.length);
    });
  });
}

// The newer JSON endpoint: async, but it still reads the file synchronously.
async function handleStats(req, res) {
  const names = fs.readdirSync(ROOT);
  const sizes = names.map((name) => fs.statSync(path.join(ROOT, name)).size);
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ banner, files: names.length, bytes: sizes.reduce((a, b) => a + b, 0) }));
}

function createServer() {
  return http.createServer(function (req, res) {
    if (req.url === '/stats') {
      handleStats(req, res); // a floating promise: a rejection here crashes the server
      return;
    }
    const file = path.join(ROOT, path.normalize(req.url === '/' ? '/index.html' : req.url));
    sendFile(res, file, function (err) {
      if (err && !res.headersSent) {
        res.writeHead(404);
        res.end('not found');
      }
    });
  });
}

function selfTest(done) {
  const server = createServer().listen(0, '127.0.0.1', function () {
    const port = server.address().port;
    http.get({ host: '127.0.0.1', port, path: '/' }, function (res) {
      let body = '';
      res.on('data', function (chunk) { body += chunk; });
      res.on('end', function () {
        console.log('GET / ->', res.statusCode, body.trim());
        http.get({ host: '127.0.0.1', port, path: '/stats' }, function (res2) {
          let json = '';
          res2.on('data', function (chunk) { json += chunk; });
          res2.on('end', function () {
            console.log('GET /stats ->', res2.statusCode, json);
            server.close(done);
          });
        });
      });
    });
  });
}

if (require.main === module) selfTest(function () { console.log('done'); });

module.exports = { createServer };
