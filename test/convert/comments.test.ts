import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertFileText } from '../../rules/convert';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Comments of a text (line and block), as written. */
function commentsOf(text: string): string[] {
  return [...text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)].map((match) => match[0].trim()).sort();
}

const SNIPPETS: Record<string, string> = {
  'chain-between-links.js': `function main(p) {
  p /* base */
    .then((v) => /* value */ v + 1) // first
    // between
    .then((w) => {
      // inside
      console.log(w); /* after log */
    })
    .catch((e) => console.log(e /* e */)) // last
    .finally(() => {}); // end
}
main(Promise.resolve(1));
`,
  'callback-everywhere.js': `const fs = require('fs');
function read() {
  /* a */ fs.readFile('x' /* b */, /* c */ (err /* d */, data) => { // e
    // f
    if (err) { /* g */ throw err; } // h
    console.log(data); // i
    /* j */
  }); // k
}
read();
`,
  'case4-comment-in-callback-call.js': `const fs = require('fs');
function size(p, cb) {
  fs.stat(p, (err, s) => {
    if (err) return cb(err);
    cb(/* no error */ null, s.size);
  });
}
function main() {
  size('x', (err, n) => {
    if (err) throw err;
    console.log(n);
  });
}
main();
`,
};

describe('conversion keeps every comment', () => {
  const programs = path.join(ROOT, 'test', 'convert', 'programs');
  const inputs: [string, string][] = [
    ...Object.entries(SNIPPETS),
    // Folders are the multi-file programs converted with types (typed-programs.test.ts); their main.js is read here too.
    ...fs.readdirSync(programs).map((name): [string, string] => {
      const file = fs.statSync(path.join(programs, name)).isDirectory() ? path.join(programs, name, 'main.js') : path.join(programs, name);
      return [name, fs.readFileSync(file, 'utf8')];
    }),
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const result = convertFileText(text, name);
      assert.deepEqual(commentsOf(result.text), commentsOf(text));
    });
  }

  it('converts the snippets (the property is not vacuous)', () => {
    for (const [name, text] of Object.entries(SNIPPETS)) {
      assert.notEqual(convertFileText(text, name).text, text, name);
    }
  });
});
