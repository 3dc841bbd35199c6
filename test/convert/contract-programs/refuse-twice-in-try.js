// expect: refused called twice: cb inside try, cb(e) in catch
// keeps: parseLater
'use strict';
function parseLater(text, cb) {
  setImmediate(() => {
    try {
      cb(null, JSON.parse(text));
    } catch (e) {
      cb(e);
    }
  });
}

let calls = 0;
parseLater('{"a": 1}', (err, value) => {
  calls += 1;
  if (err) {
    console.log('call', calls, 'error', err.message);
    return;
  }
  console.log('call', calls, 'value', value.a);
  if (calls === 1) throw new Error('thrown by the caller');
});
