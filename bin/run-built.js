'use strict';
// Loads a module of the build (dist/…) for a bin script, or says the package is not built yet.
const path = require('node:path');

module.exports = function runBuilt(command, relativePath, run) {
  const file = path.join(__dirname, '..', relativePath);
  let built;
  try {
    built = require(file);
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(relativePath)) {
      process.stderr.write(`${command}: the package is not built yet: run \`npm run build\` first.\n`);
      process.exit(2);
    }
    throw error;
  }
  run(built).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${command}: internal error: ${error && error.message ? error.message : error}\n`);
      process.exitCode = 2;
    },
  );
};
