// expect: refused escapes: called from a listener that may fire twice
// keeps: onceData
'use strict';
const { EventEmitter } = require('events');

function onceData(source, cb) {
  source.on('data', (chunk) => cb(null, chunk));
  source.on('error', (err) => cb(err));
}

const source = new EventEmitter();
onceData(source, (err, chunk) => {
  console.log(err ? 'error ' + err.message : 'chunk ' + chunk);
});
setImmediate(() => {
  source.emit('data', 'a');
  source.emit('data', 'b');
  source.emit('error', new Error('broken'));
});
