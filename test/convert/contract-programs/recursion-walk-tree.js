// expect: converted
// contracts: walk
const fs = require('fs');
const os = require('os');
const path = require('path');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
fs.writeFileSync(path.join(root, 'top.txt'), 'x');
fs.writeFileSync(path.join(root, 'a', 'mid.txt'), 'xx');
fs.writeFileSync(path.join(root, 'a', 'b', 'deep.txt'), 'xxx');

// Lists every file under `dir`, depth first, names sorted.
function walk(dir, cb) {
  fs.readdir(dir, { withFileTypes: true }, (err, entries) => {
    if (err) return cb(err);
    entries.sort((x, y) => x.name.localeCompare(y.name));
    const found = [];
    let i = 0;
    function next() {
      if (i === entries.length) return cb(null, found);
      const entry = entries[i++];
      const full = path.join(dir, entry.name);
      if (!entry.isDirectory()) {
        found.push(path.relative(root, full));
        return next();
      }
      walk(full, (err, inner) => {
        if (err) return cb(err);
        found.push(...inner);
        next();
      });
    }
    next();
  });
}

walk(root, (err, list) => {
  if (err) throw err;
  console.log(list.join('\n'));
});
