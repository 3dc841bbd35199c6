// tsc does not copy .mjs sources; the ESM entry is a tiny hand-written wrapper.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
fs.copyFileSync(path.join(root, 'rules/index.mjs'), path.join(root, 'dist/rules/index.mjs'));
