// expect: refused zalgo: prototype method calls back synchronously when closed
// keeps: send
'use strict';
function Channel() {
  this.closed = false;
  this.sent = [];
}

Channel.prototype.send = function (msg, cb) {
  if (this.closed) return cb(new Error('closed'));
  setImmediate(() => {
    this.sent.push(msg);
    cb(null, this.sent.length);
  });
};

const ch = new Channel();
const order = [];
ch.send('hi', (err, n) => {
  order.push('sent ' + n);
  ch.closed = true;
  ch.send('late', (err) => order.push(err.message));
  order.push('after late send');
  console.log(order.join(', '));
});
