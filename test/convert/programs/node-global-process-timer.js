// expect: converted
// No Node.js module is imported: `process` alone says the file runs on Node.js.
function later(label) {
  setTimeout(() => {
    process.stdout.write(label + ' done\n');
  }, 10);
}

later('first');
process.stdout.write('sync end\n');
