// expect: refused contract-caller: a base class outside the program calls the method with a callback
// keeps: _transform, _write, transform
// Node's streams call `_transform(chunk, encoding, callback)` and `_write(…)`: the methods keep their callbacks.
'use strict';
const { Transform, Writable } = require('stream');
const util = require('util');

class Upper extends Transform {
  _transform(chunk, encoding, done) {
    setImmediate(() => {
      this.push(String(chunk).toUpperCase());
      done();
    });
  }
}

function Collect(onEnd) {
  Writable.call(this);
  this.parts = [];
  this.on('finish', () => onEnd(this.parts.join('')));
}
util.inherits(Collect, Writable);
Collect.prototype._write = function (chunk, encoding, done) {
  setTimeout(() => {
    this.parts.push(String(chunk));
    done(null);
  }, 1);
};

// An object literal handed to the stream: the stream calls its methods.
const options = {
  transform(chunk, encoding, done) {
    setTimeout(() => done(null, '[' + chunk + ']'), 1);
  },
};

const upper = new Upper();
const brackets = new Transform(options);
upper.pipe(brackets).pipe(new Collect((text) => console.log('collected:', text)));
upper.write('abc');
upper.end('def');
