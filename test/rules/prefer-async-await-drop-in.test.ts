import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { preferAsyncAwait, type MessageIds, type Options } from '../../rules/prefer-async-await';
import { runInBothModes } from './rule-tester';

type Error = InvalidTestCase<MessageIds, Options>['errors'][number];

function convertible(callee: string, line: number, output: string): Error {
  return { messageId: 'preferAwait', data: { callee }, line, suggestions: [{ messageId: 'convertToAwait', data: { note: '' }, output }] };
}

/** `function show(p) { <callee>(p, 'utf8', (err, text) => …) }` after `head`. */
function reader(head: string, callee: string): string {
  return `${head}\nfunction show(p) {\n  ${callee}(p, 'utf8', (err, text) => {\n    if (err) throw err;\n    console.log(text);\n  });\n}\nshow('a');`;
}

function awaited(head: string, promise: string): string {
  return `${head}\nasync function show(p) {\n  const text = await ${promise}(p, 'utf8');\n  console.log(text);\n}\nshow('a');`;
}

const UTIL = "const { promisify } = require('node:util');";

// Drop-in `fs` modules and injected file systems keep `fs`'s callback contracts (docs/conversion.md, "Drop-in fs").
runInBothModes('prefer-async-await: drop-in fs', preferAsyncAwait, {
  valid: [
    // Reassigned: the value called may be anything by then.
    "const fs = require('fs');\nfunction show(p, opts) {\n  let xfs = opts.fs || fs;\n  xfs = opts.other;\n  xfs.readFile(p, 'utf8', (err, text) => {\n    if (err) throw err;\n    console.log(text);\n  });\n}\nshow('a', {});",
    // Neither side is fs: nothing says what `xfs` does with its callback.
    "function show(p, opts) {\n  const xfs = opts.fs || opts.fallback;\n  xfs.readFile(p, 'utf8', (err, text) => {\n    if (err) throw err;\n    console.log(text);\n  });\n}\nshow('a', {});",
    // A module that is no drop-in fs.
    "const store = require('some-store');\nfunction show(p) {\n  store.readFile(p, 'utf8', (err, text) => {\n    if (err) throw err;\n    console.log(text);\n  });\n}\nshow('a');",
  ],
  invalid: [
    {
      code: reader("const gfs = require('graceful-fs');", 'gfs.readFile'),
      errors: [convertible('gfs.readFile', 3, awaited(`const gfs = require('graceful-fs');\n${UTIL}`, 'promisify(gfs.readFile.bind(gfs))'))],
    },
    {
      code: reader("const fs = require('original-fs');", 'fs.readFile'),
      errors: [convertible('fs.readFile', 3, awaited(`const fs = require('original-fs');\n${UTIL}`, 'promisify(fs.readFile.bind(fs))'))],
    },
    {
      code: reader("const { readFile } = require('fs-extra');", 'readFile'),
      errors: [convertible('readFile', 3, awaited(`const { readFile } = require('fs-extra');\n${UTIL}`, 'promisify(readFile)'))],
    },
    {
      code: reader("import gfs from 'graceful-fs';", 'gfs.readFile'),
      errors: [convertible('gfs.readFile', 3, awaited("import gfs from 'graceful-fs';\nimport { promisify } from 'node:util';", 'promisify(gfs.readFile.bind(gfs))'))],
    },
    {
      // `options.fs || fs`: the injected value is awaited, bound, never `fs/promises`.
      code: "const fs = require('fs');\nfunction make(dir, opts, cb) {\n  const xfs = opts.fs || fs;\n  xfs.mkdir(dir, (er) => {\n    if (er) throw er;\n    cb(null, dir);\n  });\n}\nmake('d', {}, () => {});",
      errors: [
        convertible(
          'xfs.mkdir',
          4,
          `const fs = require('fs');\n${UTIL}\nasync function make(dir, opts, cb) {\n  const xfs = opts.fs || fs;\n  await promisify(xfs.mkdir.bind(xfs))(dir);\n  cb(null, dir);\n}\nmake('d', {}, () => {});`,
        ),
      ],
    },
    {
      // `??`, the module on the right written as a require call.
      code: "function size(p, options) {\n  const xfs = options.fs ?? require('graceful-fs');\n  xfs.stat(p, (err, st) => {\n    if (err) throw err;\n    console.log(st.size);\n  });\n}\nsize('a', {});",
      errors: [
        convertible(
          'xfs.stat',
          3,
          `${UTIL}\nasync function size(p, options) {\n  const xfs = options.fs ?? require('graceful-fs');\n  const st = await promisify(xfs.stat.bind(xfs))(p);\n  console.log(st.size);\n}\nsize('a', {});`,
        ),
      ],
    },
  ],
});
