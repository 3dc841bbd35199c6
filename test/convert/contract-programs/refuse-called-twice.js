// expect: refused called twice: progress then result
// keeps: download
'use strict';
function download(name, cb) {
  setTimeout(() => {
    cb(null, name + ': half');
    setTimeout(() => cb(null, name + ': done'), 1);
  }, 1);
}

download('file', (err, state) => {
  if (err) throw err;
  console.log(state);
});
