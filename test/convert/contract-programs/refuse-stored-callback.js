// expect: refused escapes: the callback is stored in this.pending
// keeps: whenReady
'use strict';
class Gate {
  constructor() {
    this.pending = [];
    this.open = false;
  }

  whenReady(cb) {
    if (this.open) return setImmediate(() => cb(null, 'already open'));
    this.pending.push(cb);
  }

  release() {
    this.open = true;
    const waiting = this.pending.splice(0);
    for (const fn of waiting) fn(null, 'released');
  }
}

const gate = new Gate();
gate.whenReady((err, how) => console.log('first', how));
gate.whenReady((err, how) => console.log('second', how));
setTimeout(() => {
  gate.release();
  gate.whenReady((err, how) => console.log('third', how));
}, 2);
