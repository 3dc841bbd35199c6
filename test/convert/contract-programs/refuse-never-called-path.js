// expect: refused never calls back on a path (empty input)
// keeps: firstWord
'use strict';
function firstWord(text, cb) {
  setImmediate(() => {
    if (text === '') return;
    cb(null, text.split(' ')[0]);
  });
}

firstWord('hello world', (err, word) => console.log('word', word));
firstWord('', () => console.log('not reached'));
setTimeout(() => console.log('done waiting'), 10);
