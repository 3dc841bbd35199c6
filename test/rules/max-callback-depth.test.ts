import * as assert from 'node:assert/strict';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter, type ESLint } from 'eslint';
import plugin from '../../rules/index';
import { maxCallbackDepth, type MessageIds, type Options } from '../../rules/max-callback-depth';
import { runInBothModes } from './rule-tester';

type ESLintPlugin = ESLint.Plugin;
type Error = InvalidTestCase<MessageIds, Options>['errors'][number];

/** The report for a pyramid whose chain is written `a → b → c`. */
function pyramid(chain: string, max = 3, at?: { line: number; column: number; endLine?: number; endColumn?: number }): Error {
  return { messageId: 'tooDeep', data: { chain, depth: chain.split(' → ').length, max }, ...at };
}

/** `depth` callbacks nested inside each other: `l1(() => { l2(() => { … }); });`. */
function nested(depth: number): string {
  let code = '';
  for (let level = depth; level >= 1; level--) code = `l${level}(() => { ${code} });`;
  return code;
}

const CLASSIC = `
fs.readFile(a, (err, data) => {
  parse(data, (err, obj) => {
    fs.writeFile(b, obj, (err) => {
      fs.rename(b, c, (err) => {
        done(err);
      });
    });
  });
});`;

runInBothModes('max-callback-depth', maxCallbackDepth, {
  valid: [
    // Precision (callback-era corpora): `util.deprecate(fn, msg)` wraps the method itself, it is not a level.
    { filename: 'script.js', code: "const util = require('util');\nexports.open = util.deprecate(function () {\n  a(function () { b(function () { c(function () {}); }); });\n}, 'open() is deprecated');" },
    // A task pushed onto a list is stored, not called: `a → b → c` is three.
    'function run(tasks) {\n  a(() => {\n    tasks.push((cb) => { b(() => { c(() => cb()); }); });\n  });\n}',
    // Three levels: the default max.
    'fs.readFile(a, (err, x) => { fs.readFile(b, (err, y) => { fs.writeFile(c, x + y, (err) => { done(err); }); }); });',
    // Array callbacks inside async ones do not count.
    `readFile(p, (err, data) => {
      data.lines.forEach((line) => {
        line.split(',').map((cell) => cell.trim()).filter(Boolean).forEach((name) => {
          stat(name, (err, s) => { writeFile(name, '', (err) => {}); });
        });
      });
    });`,
    // Every array and iterator method, nested deeply, is still flat code.
    'rows.map((r) => r.filter((c) => c.some((x) => x.every((y) => y.find((z) => z.flatMap((w) => [w].sort((p, q) => p - q).reduce((s, v) => s + v, 0)))))));',
    "text.replace(/a/g, (m) => m.toUpperCase()).replaceAll('b', (m) => { return Array.from(m, (ch) => ch).findLast((ch) => ch > 'a') ?? ''; });",
    // Test-framework blocks are structure, not callback hell.
    `describe('store', () => {
      describe('load', () => {
        beforeEach((done) => { setTimeout(() => done(), 1); });
        it('reads', (done) => {
          setTimeout(() => { fs.readFile(p, (err) => { fs.stat(p, (err) => { done(err); }); }); }, 1);
        });
      });
    });`,
    "describe.each([1, 2])('n=%d', (n) => { it.only('works', () => { test.concurrent.skip('x', () => { a(() => { b(() => { c(() => {}); }); }); }); }); });",
    // Named callbacks: a reference ends the chain, each function starts afresh.
    `function onRenamed(err) { done(err); }
    function onWritten(err) { fs.rename(b, c, onRenamed); }
    function onParsed(err, obj) { fs.writeFile(b, obj, onWritten); }
    function onRead(err, data) { parse(data, onParsed); }
    fs.readFile(a, onRead);`,
    'readFile(a, (err) => { stat(a, (err) => { writeFile(b, x, onWritten); }); });',
    // A flat promise chain is one level however long it is.
    'fetchUser().then((u) => loadPosts(u)).then((p) => render(p)).then(() => log()).catch((e) => report(e)).finally(() => close());',
    // Promises nested inside callbacks, within the limit.
    'readFile(p, (err) => { fetch(u).then((r) => r.json()).then((j) => { save(j, (err) => {}); }); });',
    // Class methods are not callbacks: each starts a new chain.
    `class Store {
      load(cb) {
        fs.readFile(this.path, (err, d) => { this.parse(d, (err, v) => { this.save(v, (err) => cb(err)); }); });
      }
      save(v, cb) { fs.writeFile(this.path, v, (err) => { this.index(v, (err) => { this.flush((err) => cb(err)); }); }); }
    }`,
    // Object methods and IIFEs are not callbacks either.
    'const handlers = { onData() { a(() => { b(() => { c(() => {}); }); }); } };',
    '(function () { readFile(a, () => { stat(a, () => { (() => { writeFile(b, "", () => {}); })(); }); }); })();',
    // async/await is the cure.
    'async function main() { const a = await readFile(p); const b = await stat(a); await writeFile(b, a); await rename(b, p); }',
    // lodash-style helpers with the function second keep their array meaning.
    'a(() => { b(() => { c(() => { _.map(list, (x) => x * 2); _.forEach(list, (x, i) => i); }); }); });',
    // `ignore`: by name, or by the callee as written.
    { code: 'a(() => { b(() => { c(() => { process.nextTick(() => {}); }); }); });', options: [{ ignore: ['nextTick'] }] },
    { code: "app.use((req, res, next) => { a(() => { b(() => { c(() => {}); }); }); });", options: [{ ignore: ['app.use'] }] },
    // `ignore` applies even when sync callbacks are counted.
    { code: 'a(() => { b(() => { xs.forEach(() => { c(() => {}); }); }); });', options: [{ ignore: ['forEach'], countSyncCallbacks: true }] },
    // A larger `max`.
    { code: 'a(() => { b(() => { c(() => { d(() => { e(() => {}); }); }); }); });', options: [{ max: 5 }] },
    // Sibling callbacks are not nested.
    'a(() => {}); b(() => {}); c(() => { d(() => {}); e(() => {}); f(() => { g(() => {}); }); });',
    // Typed receivers: arrays, Maps, Sets, strings and typed lodash are synchronous in both modes.
    'declare const items: string[]; a(() => { b(() => { c(() => { items.map((x) => x).forEach((x) => x); }); }); });',
    'a(() => { b(() => { c(() => { new Map<string, number>().forEach((v, k) => v); new Set([1]).forEach((v) => v); }); }); });',
    'declare const _: { map<T, U>(xs: T[], fn: (x: T) => U): U[] }; a(() => { b(() => { c(() => { _.map([1], (x) => x + 1); }); }); });',
    // Odd input does not crash: computed callees, spread arguments, callbacks in arrays.
    'a[0](() => { (x || y)(() => { async.series([(cb) => { d(() => { cb(); }); }]); }); });',
    // Subtests on a test context (tape, node:test) and synchronous assertions.
    "test('parse', (t) => { t.test('arrays', (st) => { st.test(`deep`, (s3) => { s3.throws(() => { a(() => { b(() => {}); }); }); assert.doesNotThrow(() => {}); }); }); });",
    'this.constructor.describe(ruleName, () => { this.constructor.it(item.name, () => { a(() => { b(() => { c(() => {}); }); }); }); });',
    // Module wrappers are the module body: a UMD factory, AMD `define`, bundler helpers.
    '(function (root, factory) { factory(root); })(this, function (root) { a(() => { b(() => { c(() => {}); }); }); });',
    "define(['fs'], function (fs) { a(() => { b(() => { c(() => {}); }); }); });",
    'var lib = createCommonjsModule(function (module) { a(() => { b(() => { c(() => {}); }); }); });',
    // A bound function that is not an argument is not a callback.
    'const bound = function () { a(() => { b(() => { c(() => {}); }); }); }.bind(this);',
  ],
  invalid: [
    // Precision: a `push` that takes other arguments is an API calling back (adb's file push), and a local `deprecate` is unknown.
    {
      code: "a(() => { b(() => { c(() => { adb.push('f', 'r', (err) => {}); }); }); });",
      errors: [pyramid('a → b → c → push')],
    },
    {
      code: 'function deprecate(f) { return f; }\nexports.open = deprecate(function () { a(() => { b(() => { c(() => {}); }); }); });',
      errors: [pyramid('deprecate → a → b → c')],
    },
    {
      // The example: the report sits on the fourth callback's head.
      code: CLASSIC,
      errors: [pyramid('readFile → parse → writeFile → rename', 3, { line: 5, column: 23, endLine: 5, endColumn: 31 })],
    },
    {
      // One report per pyramid, with the deepest chain, not one per level beyond max.
      code: 'a(() => { b(() => { c(() => { d(() => { e(() => { f(() => {}); }); }); }); }); });',
      errors: [pyramid('a → b → c → d → e → f', 3, { line: 1, column: 33, endLine: 1, endColumn: 38 })],
    },
    {
      // The deepest branch is the one the message shows.
      code: 'a(() => { b(() => { c(() => { d(() => { e(() => {}); f(() => { g(() => {}); }); }); }); }); });',
      errors: [pyramid('a → b → c → d → f → g')],
    },
    {
      // Two pyramids side by side: two reports.
      code: 'a(() => { b(() => { c(() => { d(() => {}); e(() => {}); }); }); });',
      errors: [pyramid('a → b → c → d'), pyramid('a → b → c → e')],
    },
    {
      // Callbacks of one call crossing together are one pyramid, shown by its deepest branch.
      code: 'a(() => { b(() => { c(() => { p.then(() => {}, (err) => { d(() => {}); }); }); }); });',
      errors: [pyramid('a → b → c → then → d', 3, { line: 1, column: 48, endLine: 1, endColumn: 56 })],
    },
    {
      code: "a(() => { b(() => { c(() => { tryExecuteSql(t, sql, [], (t, results) => {}, (t, error) => {}); }); }); });",
      errors: [pyramid('a → b → c → tryExecuteSql', 3, { line: 1, column: 57, endLine: 1, endColumn: 72 })],
    },
    {
      // Function expressions, and `.bind(this)` around them.
      code: 'fs.readFile(a, function (err, d) { this.parse(d, function (err, v) { db.put(v, function (err) { fs.unlink(a, function (err) { cb(err); }.bind(this)); }.bind(this)); }); });',
      errors: [pyramid('readFile → parse → put → unlink', 3, { line: 1, column: 110, endLine: 1, endColumn: 124 })],
    },
    {
      // Mixed pyramid: array callbacks between the async ones are transparent.
      code: `readFile(a, (err, d) => {
        d.lines.forEach((l) => {
          stat(l, (err, s) => {
            s.items.map((i) => {
              open(i, (err, fd) => {
                close(fd, (err) => {});
              });
            });
          });
        });
      });`,
      errors: [pyramid('readFile → stat → open → close', 3, { line: 6, column: 27, endLine: 6, endColumn: 35 })],
    },
    {
      // Promise chains nested inside callbacks.
      code: `readFile(a, (err, d) => {
        db.query(d).then((rows) => {
          rows.forEach((r) => {
            fetch(r.url).then((res) => res.json().then((j) => log(j)));
          });
        });
      });`,
      errors: [pyramid('readFile → then → then → then')],
    },
    {
      // `.catch` and `.finally` are continuations too.
      code: 'load((err) => { p.catch((e) => { q.finally(() => { r.then(() => {}); }); }); });',
      errors: [pyramid('load → catch → finally → then')],
    },
    {
      // Promise executors, timers, events and process.nextTick.
      code: "new Promise((resolve) => { setTimeout(() => { emitter.once('ready', () => { process.nextTick(() => resolve()); }); }, 10); });",
      errors: [pyramid("new Promise → setTimeout → once('ready') → nextTick")],
    },
    {
      // An event-handler pyramid, labelled by event.
      code: `server.on('request', (req, res) => {
        req.on('end', () => {
          db.get(req.url, (err, v) => {
            fs.writeFile(log, v, (err) => { res.end(); });
          });
        });
      });`,
      errors: [pyramid("on('request') → on('end') → get → writeFile")],
    },
    {
      // Class methods: the chain starts in the method.
      code: `class Store {
        load(cb) {
          fs.readFile(this.path, (err, d) => {
            this.parse(d, (err, v) => {
              this.save(v, (err) => { this.#index(v, (err) => cb(err)); });
            });
          });
        }
        #index(v, cb) { cb(null); }
      }`,
      errors: [pyramid('readFile → parse → save → #index')],
    },
    {
      // A class field holding an arrow: the arrow is no callback, its calls are.
      code: 'class Api { handle = (req) => { a(req, () => { b(() => { c(() => { d(() => {}); }); }); }); }; }',
      errors: [pyramid('a → b → c → d')],
    },
    {
      // A function declared inside a callback is still read at that depth.
      code: 'readFile(a, () => { function next() { stat(a, () => { open(a, () => { close(a, () => {}); }); }); } next(); });',
      errors: [pyramid('readFile → stat → open → close')],
    },
    {
      // Test blocks do not count, the callbacks inside them do.
      code: `it('saves', (done) => {
        request(u, (err, r, body) => {
          parse(body, (err, j) => {
            save(j, (err) => { verify(j, (err) => done(err)); });
          });
        });
      });`,
      errors: [pyramid('request → parse → save → verify')],
    },
    {
      // `countSyncCallbacks` restores the peer's counting.
      code: "describe('x', () => { it('y', () => { xs.forEach((x) => { x.map((y) => y); }); }); });",
      options: [{ countSyncCallbacks: true }],
      errors: [pyramid('describe → it → forEach → map')],
    },
    {
      code: 'a(() => { rows.map((r) => { r.cells.filter((c) => c); }); });',
      options: [{ countSyncCallbacks: true, max: 2 }],
      errors: [pyramid('a → map → filter', 2)],
    },
    {
      // With `countSyncCallbacks`, module wrappers count too, as they do for the peer.
      code: "define(['x'], function (x) { a(() => { b(() => { c(() => {}); }); }); });",
      options: [{ countSyncCallbacks: true }],
      errors: [pyramid('define → a → b → c')],
    },
    {
      // A titled block needs its function right after the title.
      code: 'runner.describe(options, extra, () => { a(() => { b(() => { c(() => {}); }); }); });',
      errors: [pyramid('describe → a → b → c')],
    },
    {
      // A regular expression's `.test` is no subtest.
      code: 't.test(/x/, () => { a(() => { b(() => { c(() => {}); }); }); });',
      errors: [pyramid('test → a → b → c')],
    },
    {
      // Transpiled promises: `new _promise2.default(…)` reads as its binding.
      code: 'var p = new _promise2.default(function (resolve) { a(function () { b(function () { c(function () { resolve(); }); }); }); });',
      errors: [pyramid('new _promise2 → a → b → c')],
    },
    {
      code: 'a(() => { b(() => {}); });',
      options: [{ max: 1 }],
      errors: [pyramid('a → b', 1)],
    },
    {
      code: 'setTimeout(() => {}, 1);',
      options: [{ max: 0 }],
      errors: [pyramid('setTimeout', 0, { line: 1, column: 12, endLine: 1, endColumn: 17 })],
    },
    {
      // `ignore` does not hide other callees.
      code: 'a(() => { b(() => { c(() => { d(() => {}); }); }); });',
      options: [{ ignore: ['nextTick', 'async.waterfall'] }],
      errors: [pyramid('a → b → c → d')],
    },
    {
      // The `async` library's map takes an asynchronous iterator.
      code: `const async = require('async');
      async.map(files, function (file, next) {
        fs.stat(file, function (err, s) {
          fs.readFile(file, function (err, d) { next(err, d); });
        });
      }, function (err, results) {});`,
      filename: 'script.js',
      options: [{ max: 2 }],
      errors: [pyramid('map → stat → readFile', 2)],
    },
    {
      code: "import { each } from 'neo-async'; each(xs, (x) => { a(x, () => { b(() => {}); }); });",
      options: [{ max: 2 }],
      errors: [pyramid('each → a → b', 2)],
    },
    {
      // An array-method name with the shape of a callback API: mongoose's `Model.find(query, cb)`.
      code: 'User.find({}, (err, users) => { users.forEach((u) => { Post.find({ u }, (err, posts) => { Post.update(posts, (err) => { notify(u, (err) => {}); }); }); }); });',
      errors: [pyramid('find → find → update → notify')],
    },
    {
      code: 'queue.forEach(jobs, (job, done) => { run(job, () => { log(() => { flush(() => done()); }); }); });',
      errors: [pyramid('forEach → run → log → flush')],
    },
    {
      // Express handlers with an async pyramid inside.
      code: `app.get('/users/:id', async (req, res) => {
        db.findOne(req.params.id, (err, user) => {
          cache.set(user.id, user, (err) => {
            res.render('user', { user }, (err, html) => { res.send(html); });
          });
        });
      });`,
      errors: [pyramid('get → findOne → set → render')],
    },
    {
      // Callee shapes: optional call, computed name, call of a call, anything else.
      code: "client?.get(k, () => { emitter['on']('data', () => { compose(f)(x, () => { (a || b)(() => {}); }); }); });",
      errors: [pyramid("get → on('data') → compose(…) → …")],
    },
    {
      // Long event names are not repeated in the chain.
      code: "a(() => { b(() => { c(() => { e.on('a-very-long-event-name-indeed', () => {}); }); }); });",
      errors: [pyramid('a → b → c → on')],
    },
    {
      // TypeScript wrappers around the callback.
      code: 'type Cb = (err: Error | null) => void; a(((err) => { b(((err) => { c((err) => { d((() => {}) as Cb); }); }) satisfies Cb); }) as Cb);',
      errors: [pyramid('a → b → c → d')],
    },
    {
      // The angle-bracket assertion (not in .tsx files).
      code: 'type Cb = (err: Error | null) => void; a(<Cb>((err) => { b(<Cb>((err) => { c((err) => { d(<Cb>(() => {})); }); })); }));',
      filename: 'file.ts',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: false } } },
      errors: [pyramid('a → b → c → d')],
    },
    {
      // Two pyramids in two functions.
      code: `function one() { a(() => { b(() => { c(() => { d(() => {}); }); }); }); }
      function two() { p.then(() => { q.then(() => { r.then(() => { s.then(() => {}); }); }); }); }`,
      errors: [pyramid('a → b → c → d'), pyramid('then → then → then → then')],
    },
    {
      // Other constructors take continuations too.
      code: 'new MutationObserver(() => { a(() => { b(() => { c(() => {}); }); }); });',
      errors: [pyramid('new MutationObserver → a → b → c')],
    },
    {
      // CommonJS file, real Node APIs.
      code: `const fs = require('fs');
      const { exec } = require('child_process');
      exec('ls', (err, out) => {
        fs.mkdir('x', (err) => {
          fs.writeFile('x/y', out, (err) => {
            fs.chmod('x/y', 0o600, (err) => {});
          });
        });
      });`,
      filename: 'script.js',
      errors: [
        {
          ...pyramid('exec → mkdir → writeFile → chmod'),
          suggestions: [
            {
              messageId: 'convertPyramid',
              data: {
                note: ' (the error of `fs.mkdir`, unchecked before, now rejects; the error of `fs.writeFile`, unchecked before, now rejects; the error of `fs.chmod`, unchecked before, now rejects)',
              },
              output: `const fs = require('fs');
      const { exec } = require('child_process');
const { mkdir, writeFile, chmod } = require('node:fs/promises');
      exec('ls', async (err, out) => {
        await mkdir('x');
        await writeFile('x/y', out);
        await chmod('x/y', 0o600);
      });`,
            },
          ],
        },
      ],
    },
    {
      // A pyramid whose conversion is refused (code runs after the inner call) gets no suggestion.
      code: `const fs = require('fs');
fs.readFile('a', (err, a) => {
  if (err) throw err;
  fs.readFile('b', (err, b) => {
    if (err) throw err;
    fs.readFile('c', (err, c) => {
      if (err) throw err;
      fs.writeFile('d', a + b + c, (err) => {
        if (err) throw err;
      });
      console.log('writing');
    });
  });
});`,
      filename: 'script.js',
      errors: [pyramid('readFile → readFile → readFile → writeFile')],
    },
    {
      // An async method chain inside a nested promise: the executor and `.then`s.
      code: 'function wait(ms) { return new Promise((resolve, reject) => { timer(ms, (err) => { if (err) return reject(err); step().then(() => { finish().then(resolve); }); }); }); }',
      options: [{ max: 2 }],
      errors: [pyramid('new Promise → timer → then', 2)],
    },
    {
      // Long chains show their ends; the depth tells the rest.
      code: nested(9),
      errors: [{ messageId: 'tooDeep', data: { chain: 'l1 → l2 → l3 → l4 → (2 more) → l7 → l8 → l9', depth: 9, max: 3 } }],
    },
    {
      // A huge pyramid: one report, no crash.
      code: nested(100),
      errors: [{ messageId: 'tooDeep', data: { chain: 'l1 → l2 → l3 → l4 → (93 more) → l98 → l99 → l100', depth: 100, max: 3 } }],
    },
  ],
  syntacticOnly: [
    {
      // Without types `JSON.parse` is an unknown callee; its type shows the reviver runs at once.
      code: 'a(() => { b(() => { c(() => { JSON.parse(text, (key, value) => value); }); }); });',
      errors: [pyramid('a → b → c → parse')],
    },
  ],
  typeAwareOnly: [
    {
      // A `.map` on an async API (it returns a promise) is a look-alike, not an array method.
      code: `declare const queue: { map(fn: (job: string) => Promise<void>): Promise<void> };
      readFile(a, () => { stat(a, () => { queue.map(async (job) => { open(job, () => {}); }); }); });`,
      errors: [pyramid('readFile → stat → map → open')],
    },
    {
      // Its callback is error-first by the declared signature, whatever the parameters are called here.
      code: `declare const cache: { find(key: string, cb: (error: Error | null, value?: string) => void): void };
      a(() => { b(() => { cache.find('k', (e, v) => { c(() => {}); }); }); });`,
      errors: [pyramid('a → b → find → c')],
    },
    {
      // Node streams' iterator helpers return promises.
      code: `import { Readable } from 'node:stream';
      declare const input: Readable;
      a(() => { b(() => { input.forEach(async (chunk) => { c(() => {}); }); }); });`,
      errors: [pyramid('a → b → forEach → c')],
    },
  ],
});

describe('max-callback-depth in the configs', () => {
  it('is a warning in strict only', () => {
    assert.equal(plugin.configs.strict.rules?.['async-guard/max-callback-depth'], 'warn');
    assert.equal(plugin.configs.recommended.rules?.['async-guard/max-callback-depth'], undefined);
    assert.equal(plugin.rules['max-callback-depth'], maxCallbackDepth);
  });
});

describe('max-callback-depth with ESLint\'s default parser (espree)', () => {
  it('runs without type services and reports the same pyramid', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(CLASSIC, [
      {
        languageOptions: { sourceType: 'commonjs' },
        plugins: { 'async-guard': { rules: { 'max-callback-depth': maxCallbackDepth } } as unknown as ESLintPlugin },
        rules: { 'async-guard/max-callback-depth': 'warn' },
      },
    ]);
    assert.deepStrictEqual(
      messages.map((message) => [message.messageId, message.message, message.line, message.column]),
      [['tooDeep', 'Callback pyramid `readFile → parse → writeFile → rename`: depth 4, max 3. Flatten it with async/await or named functions.', 5, 23]],
    );
  });
});
