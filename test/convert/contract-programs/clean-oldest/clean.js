const fs = require('fs');
const path = require('path');

// Removes the first entry of `dir`, then `dir` itself; calls back with the entry's size.
function cleanOldest(dir, done) {
  fs.readdir(dir, (err1, names) => {
    if (err1) return done(err1);
    const first = path.join(dir, names.sort()[0]);
    fs.stat(first, (err2, st) => {
      if (err2) return done(err2);
      fs.access(first, (err3) => {
        if (err3) return done(err3);
        fs.unlink(first, (err4) => {
          if (err4) return done(err4);
          fs.rmdir(dir, (err5) => {
            if (err5) return done(err5);
            done(null, st.size);
          });
        });
      });
    });
  });
}

module.exports = cleanOldest;
