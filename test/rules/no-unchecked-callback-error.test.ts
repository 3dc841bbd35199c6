import * as assert from 'node:assert';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { noUncheckedCallbackError, type MessageIds, type Options } from '../../rules/no-unchecked-callback-error';
import { runInBothModes } from './rule-tester';

type Error = InvalidTestCase<MessageIds, Options>['errors'][number];
type Suggestion = NonNullable<Error['suggestions']>[number];

const undeclared = '(its first argument, which it does not even declare)';

function unchecked(error: string | undefined, callee: string, suggestions: Suggestion[] = []): Error {
  return {
    messageId: 'unchecked',
    data: { error: error === undefined ? undeclared : `\`${error}\``, callee: `\`${callee}\`` },
    suggestions,
  };
}

function insertCheck(code: string, output: string): Suggestion {
  return { messageId: 'insertCheck', data: { code }, output };
}

/** The conversion offered next to the check; `callee` as written in the code. */
function convertToAwait(callee: string, output: string): Suggestion {
  return { messageId: 'convertToAwait', data: { note: ` (the error of \`${callee}\`, unchecked before, now rejects)` }, output };
}

function usedBeforeCheck(result: string, error: string, callee: string): Error {
  return { messageId: 'usedBeforeCheck', data: { result, error, callee: `\`${callee}\`` }, suggestions: [] };
}

function swallowed(emitter: string, error: string): Error {
  return { messageId: 'swallowedErrorEvent', data: { emitter: `\`${emitter}\``, error }, suggestions: [] };
}

const streamImport = "import { createReadStream } from 'node:fs';\nconst stream = createReadStream('a');\n";

function continues(error: string, consequence: string, output?: string): Error {
  return {
    messageId: 'continuesAfterError',
    data: { error, consequence },
    suggestions: output === undefined ? [] : [{ messageId: 'addReturn', output }],
  };
}

const fsImport = "import fs from 'node:fs';\n";

runInBothModes('no-unchecked-callback-error', noUncheckedCallbackError, {
  valid: [
    // ---- precision on shipped callback-era code (docs/evaluation/precision/callback-era.md) ----
    // A failure is reported whatever the callback's own error is: the outer error of an error path…
    `${fsImport}function replace(fd: number, reject: (e: unknown) => void) {\n  fs.fstat(fd, (er, st) => {\n    if (er) return fs.close(fd, () => reject(er));\n    console.log(st.size);\n  });\n}`,
    `${fsImport}function lock(fd: number, cb: (e: unknown) => void) {\n  fs.fstat(fd, (er) => {\n    if (er) return fs.close(fd, function (er2) {\n      return cb(er);\n    });\n    cb(null);\n  });\n}`,
    // … or a failure of its own, with or without a callback to give it to.
    "const cp = require('child_process');\nfunction notRoot(cb) {\n  return cp.exec('whoami', function (err, stdout) {\n    console.log('run as root: sudo -u ' + stdout);\n    return cb(new Error('You have to run this with elevated rights'));\n  });\n}",
    "const cp = require('child_process');\nfunction notRoot(cb) {\n  cp.exec('whoami', function (err, stdout) {\n    console.log('sudo -u ' + stdout);\n    cb ? cb(retErr('run this as root')) : process.exit(1);\n  });\n}\nfunction retErr(message) { return new Error(message); }",
    // A command whose failure is read from its stderr.
    "const cp = require('child_process');\nfunction version(done) {\n  cp.exec('git rev-parse HEAD', function (err, stdout, stderr) {\n    if (stderr.trim()) return done(new Error(stderr));\n    done(null, stdout.trim());\n  });\n}",
    // Comments: "best effort", "respond anyway" with the error named.
    `${fsImport}function drop(tmp: string, next: () => void) {\n  fs.unlink(tmp, (err) => {\n    // best effort: a leftover temporary file is harmless\n    next();\n  });\n}`,
    `${fsImport}function save(record: string, callback: (e: null, r: string) => void) {\n  fs.writeFile('drone.json', record, (err) => {\n    // if there is an error persisting the record, just respond anyway\n    callback(null, record);\n  });\n}`,
    // A cleanup step whose callback does not even name the error.
    `${fsImport}function cleanup(tmp: string, next: () => void) {\n  fs.unlink(tmp, () => {\n    next();\n  });\n}`,
    // A comment that says the error is dropped on purpose.
    `${fsImport}fs.readFile('a', (err, data) => {\n  // ignore errors: the file may not exist yet\n  console.log('read');\n});`,
    `${fsImport}fs.unlink('a.sock', (err) => { // no handle-callback-err: a stale socket may not be there\n  console.log('listening');\n});`,
    // An empty 'error' listener with its reason next to it.
    `${streamImport}stream.on('error', (err) => {}); // errors are reported by the read call`,
    // The error is logged, then a planned fallback: the result is only tested.
    `${fsImport}function read(done: (e: null, t: string) => void) {\n  fs.readFile('a', 'utf8', (err, text) => {\n    if (err) {\n      console.error(err);\n    }\n    done(null, text || '');\n  });\n}`,
    `${fsImport}declare const winston: { error(e: unknown): void };\ndeclare function send(d: Buffer): void;\nfs.readFile('a', (err, data) => {\n  if (err) {\n    winston.error(err);\n  }\n  if (data) {\n    send(data);\n  }\n});`,
    // `if (err) { /* not important */ }`: going on is meant.
    `${fsImport}declare function send(d: Buffer): void;\nfs.readFile('a', (err, data) => {\n  if (err) {\n    // not important, the default is sent\n  }\n  send(data);\n});`,
    // A result only logged before the check.
    `${fsImport}declare function debug(...args: unknown[]): void;\nfs.readFile('a', (err, data) => {\n  debug('read %j', data);\n  if (err) throw err;\n  console.log(data.length);\n});`,
    // Q's \`.fail\` and when.js's \`.otherwise\` get a rejection reason.
    "declare function nfcall(...args: unknown[]): { fail(f: (e: Error) => unknown): void };\ndeclare function create(d: string): void;\nnfcall('stat', 'dir').fail(function (err) {\n  return create('dir');\n});",
    "declare const install: { otherwise(f: (e: Error) => void): void };\ninstall.otherwise(function (err) {\n  // reported already\n});",
    // The final callback of an async iteration whose iterator never passes an error.
    "const async = require('async');\ndeclare function work(x: number): void;\nasync.eachLimit([1, 2], 2, (item, next) => {\n  work(item);\n  if (item > 1) return process.nextTick(next);\n  next(null);\n}, (err) => {\n  console.log('done');\n});",
    // A validator's callback: its first parameter is the function that marks the value invalid.
    "declare const Model: { validate(name: string, fn: (err: (valid: boolean) => void) => void): void };\nModel.validate('items', function (err) {\n  if (this.items.length > 3) err(false);\n});",
    // A later `if (… err) return` stops the code before the result is used.
    "declare function getJob(cb: (err: Error | null, job?: { id: number }) => void): void;\ndeclare function run(job: { id: number }): void;\ndeclare const log: { error(e: unknown): void };\ngetJob((err, job) => {\n  if (err) log.error(err);\n  if (!job || err) return;\n  run(job);\n});",
    // Checked by `if`, forwarded, thrown, rejected, returned.
    `${fsImport}fs.readFile('a', (err, data) => { if (err) throw err; console.log(data); });`,
    `${fsImport}function load(cb: (e: Error | null, d?: Buffer) => void) { fs.readFile('a', (err, data) => { if (err) return cb(err); cb(null, data); }); }`,
    `${fsImport}function load(cb: (e: Error | null) => void) { fs.unlink('a', (err) => cb(err)); }`,
    `${fsImport}new Promise((resolve, reject) => fs.readFile('a', (err, data) => (err ? reject(err) : resolve(data))));`,
    `${fsImport}fs.stat('a', (err, stats) => err && console.error(err));`,
    // `if (err) { … return; }` makes the rest safe; so does an `else`.
    `${fsImport}fs.readFile('a', (err, data) => {\n  if (err) {\n    console.error(err);\n    return;\n  }\n  console.log(data.length);\n});`,
    `${fsImport}fs.readFile('a', (err, data) => { if (err) { console.error(err); } else { console.log(data.length); } });`,
    `${fsImport}fs.readFile('a', (err, data) => { if (!err) { console.log(data.length); } });`,
    `${fsImport}fs.readFile('a', (error, data) => { if (error != null) process.exit(1); console.log(data); });`,
    // The error and the result forwarded together after reporting the error (precision on mongodb 3.7.4 and 4.17.2).
    `${fsImport}function load(callback: (e: unknown, d?: Buffer) => void, emit: (e: unknown) => void) {\n  fs.readFile('a', (err, data) => {\n    if (err) {\n      emit(err);\n    } else {\n      console.log(data.length);\n    }\n    callback(err, data);\n  });\n}`,
    `${fsImport}function load(callback: (e: unknown, d?: Buffer) => void, close: () => void) {\n  fs.readFile('a', (err, data) => {\n    if (err) close();\n    callback(err, data);\n  });\n}`,
    // The later use is guarded by a test of the error or of the result.
    `${fsImport}const seen: Buffer[] = [];\nfs.readFile('a', (err, data) => {\n  if (err) {\n    console.error(err);\n  }\n  if (!err && data) {\n    seen.push(data);\n  }\n});`,
    `${fsImport}fs.readFile('a', (err, data) => {\n  if (err) {\n    console.error(err);\n  }\n  console.log(err ? 0 : data.length);\n});`,
    // Partial checks that stop, assert.ifError, logging, storing the error.
    `${fsImport}import assert from 'node:assert';\nfs.readFile('a', (err, data) => { assert.ifError(err); console.log(data); });`,
    `${fsImport}fs.unlink('a', (err) => { if (err && err.code !== 'ENOENT') throw err; });`,
    `${fsImport}fs.unlink('a', (err) => { console.warn('cleanup failed', err); });`,
    `${fsImport}const errors: unknown[] = []; fs.unlink('a', (err) => { errors.push(err); });`,
    `${fsImport}class Job { error: unknown; run() { fs.unlink('a', (err) => { this.error = err; }); } }`,
    // A leading underscore says "ignored on purpose".
    `${fsImport}fs.unlink('tmp', (_err) => {});`,
    `${fsImport}fs.readFile('a', (_e, data) => console.log(data));`,
    // Recovering from the error before going on.
    `${fsImport}fs.readFile('a', 'utf8', (err, data) => { if (err) data = '{}'; console.log(JSON.parse(data)); });`,
    // exec hands over stdout/stderr even when the command fails: reading them first is fine.
    "import { exec } from 'node:child_process';\nexec('ls', (err, stdout, stderr) => { console.log(stdout, stderr); if (err) process.exitCode = 1; });",
    // Safe looks at a result before the check: tests and optional chains.
    `${fsImport}fs.readFile('a', (err, data) => { if (!data) return; if (err) throw err; console.log(data); });`,
    `${fsImport}fs.readFile('a', (err, data) => { console.log(data?.length); if (err) throw err; });`,
    // Not error-first: fs.exists calls back with a boolean, fs.watch with an event name, timers with nothing.
    `${fsImport}fs.exists('a', (e) => { console.log('exists'); });`,
    `${fsImport}fs.watch('dir', (e, file) => { console.log(file); });`,
    'setTimeout((e: unknown) => { console.log(1); }, 10);',
    // Array and iteration callbacks, events, DOM listeners, promises, tests.
    "[new Error('x')].map((e) => 1);",
    "['a'].forEach((err) => { console.log('x'); });",
    "import { EventEmitter } from 'node:events';\nconst emitter = new EventEmitter();\nemitter.on('data', (chunk) => { console.log('data'); });\nemitter.on('end', (err: unknown) => { console.log('ended'); });",
    "declare const button: HTMLElement;\nbutton.addEventListener('click', (e) => { console.log('clicked'); });",
    "declare const $: any;\n$('#save').click(function (e) { console.log('saving'); });\n$('form').bind('submit', (e) => false);",
    "Promise.resolve().then(() => 1).catch((err) => { console.log('nope'); });",
    "declare function it(name: string, fn: (done: () => void) => void): void;\nit('works', (done) => { done(); });",
    "import http from 'node:http';\nhttp.get('http://x', (res) => { console.log('got it'); });",
    // Unknown callee, first parameter not named like an error.
    'declare function load(cb: (a: unknown, b: unknown) => void): void;\nload((value, extra) => { console.log(extra); });',
    // An Express error handler: the error is its subject, not a result to check.
    "declare const app: { use(fn: (...args: any[]) => void): void };\napp.use((err: unknown, req: unknown, res: { sendStatus(n: number): void }, next: unknown) => { res.sendStatus(500); });",
    // A parameter-less callback of an unknown callee: nothing says it is error-first.
    'declare function later(fn: () => void): void;\nlater(() => { console.log(1); });',
    // A destructured or rest first parameter is left alone.
    `${fsImport}fs.readFile('a', (...args) => console.log(args));`,
    // `arguments[0]` checked in an old-style function, or `arguments` passed on wholesale.
    `${fsImport}fs.readFile('a', function () { if (arguments[0]) throw arguments[0]; console.log(arguments[1]); });`,
    `${fsImport}function wrap(cb: (...a: unknown[]) => void) { fs.readFile('a', function () { cb.apply(null, arguments as unknown as unknown[]); }); }`,
    // A local function passed by reference that checks the error.
    `${fsImport}function onRead(err: NodeJS.ErrnoException | null, data?: Buffer) { if (err) throw err; console.log(data); }\nfs.readFile('a', onRead);`,
    // A callback that only runs later and checks inside a nested function.
    `${fsImport}fs.readFile('a', (err, data) => { process.nextTick(() => { if (err) throw err; }); });`,
    // Lessons from real code (see docs/evaluation/no-unchecked-callback-error.md):
    // a named function expression's parameters live in its own scope;
    `${fsImport}fs.stat('a', function callback(error, stats) { if (error) throw error; console.log(stats); });`,
    // a default value supplies the missing result;
    `${fsImport}fs.readdir('d', (error, entries = []) => { console.log(entries.length); if (error) throw error; });`,
    // a use guarded by a test of the result itself;
    `${fsImport}fs.lstat('a', (er, st) => { if (st && st.isSymbolicLink()) console.log('link'); if (er) throw er; });`,
    // results handed on together with the error;
    'declare function invoke(state: unknown, error: unknown): void;\ndeclare function queue(cb: (...a: any[]) => void): void;\nqueue((error, state) => invoke(state.value, error));',
    // a rest parameter is always an array;
    'declare function task(cb: (...a: any[]) => void): void;\ntask((err, ...result) => { console.log(result.length); if (err) throw err; });',
    // an error branch that thinks of the missing result, keeps the error as a value, or returns on some errors;
    `${fsImport}fs.stat('a', (er, current) => { let type; if (er || !current) { type = 'File'; } else { type = 'Dir'; } console.log(type, current); });`,
    'declare function run(cb: (...a: any[]) => void): void;\nrun((error, value) => { const out: { error?: unknown; value?: unknown } = {}; if (error) { out.error = error; } out.value = value; console.log(out); });',
    `${fsImport}fs.read(3, Buffer.alloc(1), 0, 1, 0, (er, nbytes) => { let eof = false; if (er) { eof = er.code === 'EOF'; if (!eof) return; } console.log(eof, nbytes); });`,
    // a listener taken back off is not a callback.
    "import { EventEmitter } from 'node:events';\nconst socket = new EventEmitter();\nfunction onClose(err: unknown) { console.log('closed'); }\nsocket.removeListener('close', onClose);",
    // should.js asserts through property getters.
    "declare function get(url: string, cb: (...a: any[]) => void): void;\nget('x', function (err) { err.should.be.an.Error; });",
    // The missing result is the failure signal, and it is tested.
    `${fsImport}fs.readlink('l', (er, target) => { if (target && target === 'x') return; console.log('relink'); });`,
    `${fsImport}fs.stat('a', (err, stat) => { console.log(stat ? stat.size : null); });`,
    // `arguments` handed on wholesale carries the error with it.
    `${fsImport}function statFix(cb: (...a: unknown[]) => void) { fs.stat('a', function (er, stats) { if (stats) stats.uid += 1; cb.apply(null, arguments as unknown as unknown[]); }); }`,
    // An empty callback without parameters ignores the error on purpose (allowEmptyCallbacks, default on).
    `${fsImport}fs.close(3, () => {});`,
    `${fsImport}fs.unlink('tmp', function () { /* best effort */ });`,
    // An unknown callee may deliver partial results with the error: a pass-through that never tests it is fine.
    'declare function mapLimit(items: unknown[], n: number, cb: (...a: any[]) => void): void;\nfunction concat(callback: (e: unknown, r?: unknown[]) => void) { mapLimit([], 2, (err, mapResults) => { const all = [].concat(...mapResults); callback(err, all); }); }',
    // Option: a narrower pattern leaves `e` alone.
    {
      code: 'declare function load(cb: (...a: any[]) => void): void;\nload((e, data) => { console.log(data); });',
      options: [{ errorParameterPattern: '^err$' }],
    },
    // `err && …;` as a statement: nothing after it, exits, or the success path (`!err && …`).
    `${fsImport}fs.readFile('a', (err, data) => { err && console.error(err); });`,
    `${fsImport}fs.readFile('a', (err, data) => { err && process.exit(1); console.log(data.length); });`,
    `${fsImport}fs.readFile('a', (err, data) => { !err && console.log(data.length); });`,
    `${fsImport}function load(cb: (e: Error | null, d?: Buffer) => void) { fs.readFile('a', (err, data) => { err ? cb(err) : cb(null, data); }); }`,
    // 'error' listeners that look at the error, pass it on, or say they drop it.
    `${streamImport}stream.on('error', (err) => console.error(err));`,
    `${streamImport}new Promise((resolve, reject) => { stream.on('error', reject); stream.on('end', resolve); });`,
    `${streamImport}stream.once('error', function (err) { this.emit('failed', err); });`,
    `${streamImport}stream.on('error', (_err) => {});`,
    // No parameter: reacting to the failure, not holding the error.
    `${streamImport}stream.on('error', () => {});`,
    `${streamImport}let failed = false;\nstream.on('error', () => { failed = true; });`,
    // Another 'error' listener on the same emitter handles it: this one only cleans up.
    `${streamImport}const timer = setTimeout(() => {}, 10);\nstream.on('error', (err) => console.error(err));\nstream.on('error', (err) => { clearTimeout(timer); });`,
    // Silenced for a while, then taken off again.
    `${streamImport}function ignore(err: unknown) {}\nstream.on('error', ignore);\nstream.on('open', () => stream.removeListener('error', ignore));`,
    // The failure surfaces as an error of its own.
    `${streamImport}stream.on('error', (err) => { throw new Error('reading a failed'); });`,
    // Other events, and DOM listeners (an Event, often without an error).
    `${streamImport}stream.on('close', (err: unknown) => {});`,
    "declare const image: { addEventListener(type: string, listener: (e: unknown) => void): void };\nimage.addEventListener('error', (e) => {});",
  ],
  invalid: [
    // Next to "a failure is reported anyway": success reported, or the failure only under a condition.
    {
      code: `${fsImport}function finish(fd: number, cb: (e: unknown) => void) {\n  fs.close(fd, (er) => {\n    cb(null);\n  });\n}`,
      errors: [
        unchecked('er', 'fs.close', [
          insertCheck('if (er) return cb(er);', "import fs from 'node:fs';\nfunction finish(fd: number, cb: (e: unknown) => void) {\n  fs.close(fd, (er) => {\n    if (er) return cb(er);\n    cb(null);\n  });\n}"),
          convertToAwait('fs.close', "import fs from 'node:fs';\nimport { promisify } from 'node:util';\nasync function finish(fd: number, cb: (e: unknown) => void) {\n  await promisify(fs.close)(fd);\n  cb(null);\n}"),
        ]),
      ],
    },
    {
      code: `${fsImport}function finish(fd: number, failed: unknown, cb: (e: unknown) => void) {\n  fs.close(fd, (er2) => {\n    if (failed) return cb(failed);\n    cb(null);\n  });\n}`,
      errors: [
        unchecked('er2', 'fs.close', [
          insertCheck('if (er2) return cb(er2);', "import fs from 'node:fs';\nfunction finish(fd: number, failed: unknown, cb: (e: unknown) => void) {\n  fs.close(fd, (er2) => {\n    if (er2) return cb(er2);\n    if (failed) return cb(failed);\n    cb(null);\n  });\n}"),
          convertToAwait('fs.close', "import fs from 'node:fs';\nimport { promisify } from 'node:util';\nasync function finish(fd: number, failed: unknown, cb: (e: unknown) => void) {\n  await promisify(fs.close)(fd);\n  if (failed) return cb(failed);\n  cb(null);\n}"),
        ]),
      ],
    },
    // A result handed to the callback is not a failure.
    {
      code: "import crypto from 'node:crypto';\nfunction generate(cb: (s: string) => void) {\n  crypto.randomBytes(8, (ex, buf) => {\n    cb(toChars(buf));\n  });\n}\ndeclare function toChars(b: Buffer): string;",
      errors: [
        unchecked('ex', 'crypto.randomBytes', [
          insertCheck('if (ex) return cb(ex);', "import crypto from 'node:crypto';\nfunction generate(cb: (s: string) => void) {\n  crypto.randomBytes(8, (ex, buf) => {\n    if (ex) return cb(ex);\n    cb(toChars(buf));\n  });\n}\ndeclare function toChars(b: Buffer): string;"),
          convertToAwait('crypto.randomBytes', "import crypto from 'node:crypto';\nimport { promisify } from 'node:util';\nasync function generate(cb: (s: string) => void) {\n  const buf = await promisify(crypto.randomBytes)(8);\n  cb(toChars(buf));\n}\ndeclare function toChars(b: Buffer): string;"),
        ]),
      ],
    },
    // Next to "stderr is read": stderr declared but never read.
    {
      code: "const cp = require('child_process');\nfunction run(callback) {\n  cp.exec('ls', function (err, stdout, stderr) {\n    callback(null, stdout);\n  });\n}",
      filename: 'script.js',
      errors: [
        unchecked('err', 'child_process.exec', [
          insertCheck('if (err) return callback(err);', "const cp = require('child_process');\nfunction run(callback) {\n  cp.exec('ls', function (err, stdout, stderr) {\n    if (err) return callback(err);\n    callback(null, stdout);\n  });\n}"),
          convertToAwait('cp.exec', "const cp = require('child_process');\nconst { promisify } = require('node:util');\nasync function run(callback) {\n  const { stdout } = await promisify(cp.exec)('ls');\n  callback(null, stdout);\n}"),
        ]),
      ],
    },
    // Next to the comments: one that is about something else.
    {
      code: `${fsImport}function drop(tmp: string, next: () => void) {\n  fs.unlink(tmp, (err) => {\n    // the temporary file is no longer needed\n    next();\n  });\n}`,
      errors: [
        unchecked('err', 'fs.unlink', [
          insertCheck('if (err) return next(err);', "import fs from 'node:fs';\nfunction drop(tmp: string, next: () => void) {\n  fs.unlink(tmp, (err) => {\n    if (err) return next(err);\n    // the temporary file is no longer needed\n    next();\n  });\n}"),
          convertToAwait('fs.unlink', "import fs from 'node:fs';\nimport { unlink } from 'node:fs/promises';\nasync function drop(tmp: string, next: () => void) {\n  await unlink(tmp);\n  // the temporary file is no longer needed\n  next();\n}"),
        ]),
      ],
    },
    // ---- precision: the true positives next to the false-positive classes left out ----
    {
      // A cleanup callee whose callback names the error and drops it.
      code: "declare const store: any;\nstore.close((err) => {\n  console.log('closed');\n});",
      errors: [unchecked('err', 'store.close', [insertCheck('if (err) throw err;', "declare const store: any;\nstore.close((err) => {\n  if (err) throw err;\n  console.log('closed');\n});")])],
    },
    {
      // `// skip hidden files` is not about the error.
      code: `${fsImport}fs.readdir('a', (err, names) => {\n  // skip hidden files\n  console.log(names.filter((n) => !n.startsWith('.')));\n});`,
      errors: [unchecked('err', 'fs.readdir', [insertCheck('if (err) throw err;', `${fsImport}fs.readdir('a', (err, names) => {\n  if (err) throw err;\n  // skip hidden files\n  console.log(names.filter((n) => !n.startsWith('.')));\n});`)])],
    },
    // (Logged, then `data.length` used as if it were there: the case under ---- continuesAfterError ---- below.)
    {
      // A branch that does more than log: testing the result later is going on with it.
      code: "declare function getJob(cb: (err: Error | null, job?: { id: number }) => void): void;\ndeclare function run(job: { id: number }): void;\ndeclare function retry(): void;\ngetJob((err, job) => {\n  if (err) retry();\n  if (!job) return;\n  run(job);\n});",
      errors: [continues('err', '`job` is still used', "declare function getJob(cb: (err: Error | null, job?: { id: number }) => void): void;\ndeclare function run(job: { id: number }): void;\ndeclare function retry(): void;\ngetJob((err, job) => {\n  if (err) return retry();\n  if (!job) return;\n  run(job);\n});")],
    },
    {
      // Logged, but a property of the missing result is read first.
      code: `${fsImport}declare function debug(...args: unknown[]): void;\nfs.readFile('a', (err, data) => {\n  debug('size', data.length);\n  if (err) throw err;\n});`,
      errors: [usedBeforeCheck('data', 'err', 'fs.readFile')],
    },
    {
      // The iterator hands its continuation on: errors can reach the final callback.
      code: "const async = require('async');\ndeclare function work(x: number, cb: (e: Error | null) => void): void;\nasync.eachLimit([1, 2], 2, (item, next) => {\n  work(item, next);\n}, (err) => {\n  console.log('done');\n});",
      errors: [unchecked('err', 'async.eachLimit', [insertCheck('if (err) throw err;', "const async = require('async');\ndeclare function work(x: number, cb: (e: Error | null) => void): void;\nasync.eachLimit([1, 2], 2, (item, next) => {\n  work(item, next);\n}, (err) => {\n  if (err) throw err;\n  console.log('done');\n});")])],
    },
    {
      // A callback that calls something else, not its error parameter: still unchecked.
      code: "declare const Model: { check(name: string, fn: (err: Error | null) => void): void };\ndeclare function mark(valid: boolean): void;\nModel.check('items', function (err) {\n  mark(false);\n});",
      errors: [unchecked('err', 'Model.check', [insertCheck('if (err) throw err;', "declare const Model: { check(name: string, fn: (err: Error | null) => void): void };\ndeclare function mark(valid: boolean): void;\nModel.check('items', function (err) {\n  if (err) throw err;\n  mark(false);\n});")])],
    },
    {
      // An empty 'error' listener without a word about it.
      code: `${streamImport}stream.on('error', (err) => {});`,
      errors: [swallowed('stream', 'err')],
    },
    // ---- unchecked, every error-first module of the table ----
    {
      code: `${fsImport}fs.readFile('a', (err, data) => {\n  console.log(data);\n});`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck('if (err) throw err;', `${fsImport}fs.readFile('a', (err, data) => {\n  if (err) throw err;\n  console.log(data);\n});`),
        ]),
      ],
    },
    {
      // The error's name does not matter for a known API, and nor does the import style.
      code: "const { readFile } = require('fs');\nreadFile(__filename, (result, more) => {\n  console.log(more);\n});",
      filename: 'script.js',
      errors: [
        unchecked('result', 'fs.readFile', [
          insertCheck(
            'if (result) throw result;',
            "const { readFile } = require('fs');\nreadFile(__filename, (result, more) => {\n  if (result) throw result;\n  console.log(more);\n});",
          ),
        ]),
      ],
    },
    {
      code: "import * as zlib from 'node:zlib';\nzlib.gzip('text', (error, zipped) => { console.log(zipped.length); });",
      errors: [
        unchecked('error', 'zlib.gzip', [
          insertCheck(
            'if (error) throw error;',
            "import * as zlib from 'node:zlib';\nzlib.gzip('text', (error, zipped) => { if (error) throw error; console.log(zipped.length); });",
          ),
        ]),
      ],
    },
    {
      code: "import { randomBytes } from 'crypto';\nrandomBytes(16, (er, buf) => console.log(buf.toString('hex')));",
      errors: [
        unchecked('er', 'crypto.randomBytes', [
          insertCheck(
            'if (er) throw er;',
            "import { randomBytes } from 'crypto';\nrandomBytes(16, (er, buf) => { if (er) throw er; return console.log(buf.toString('hex')); });",
          ),
        ]),
      ],
    },
    {
      code: "import crypto from 'node:crypto';\ncrypto.pbkdf2('pw', 'salt', 1000, 32, 'sha256', (e, key) => { console.log(key); });",
      errors: [
        unchecked('e', 'crypto.pbkdf2', [
          insertCheck(
            'if (e) throw e;',
            "import crypto from 'node:crypto';\ncrypto.pbkdf2('pw', 'salt', 1000, 32, 'sha256', (e, key) => { if (e) throw e; console.log(key); });",
          ),
        ]),
      ],
    },
    {
      code: "const cp = require('child_process');\nfunction run(callback) {\n  cp.exec('ls', function (err, stdout) {\n    callback(null, stdout);\n  });\n}",
      filename: 'script.js',
      errors: [
        unchecked('err', 'child_process.exec', [
          insertCheck(
            'if (err) return callback(err);',
            "const cp = require('child_process');\nfunction run(callback) {\n  cp.exec('ls', function (err, stdout) {\n    if (err) return callback(err);\n    callback(null, stdout);\n  });\n}",
          ),
          convertToAwait('cp.exec', "const cp = require('child_process');\nconst { promisify } = require('node:util');\nasync function run(callback) {\n  const { stdout } = await promisify(cp.exec)('ls');\n  callback(null, stdout);\n}"),
        ]),
      ],
    },
    {
      code: "import dns from 'node:dns';\ndns.lookup('example.org', (err, address) => { console.log(address); });",
      errors: [
        unchecked('err', 'dns.lookup', [
          insertCheck(
            'if (err) throw err;',
            "import dns from 'node:dns';\ndns.lookup('example.org', (err, address) => { if (err) throw err; console.log(address); });",
          ),
        ]),
      ],
    },
    {
      code: "import { resolve4 } from 'dns';\nresolve4('example.org', (ex, addresses) => { console.log(addresses); });",
      errors: [
        unchecked('ex', 'dns.resolve4', [
          insertCheck(
            'if (ex) throw ex;',
            "import { resolve4 } from 'dns';\nresolve4('example.org', (ex, addresses) => { if (ex) throw ex; console.log(addresses); });",
          ),
        ]),
      ],
    },
    {
      // stream.pipeline: the classic "pipeline finished" callback that drops the error.
      code: "import { pipeline } from 'node:stream';\nimport fs from 'node:fs';\npipeline(fs.createReadStream('a'), fs.createWriteStream('b'), () => {\n  console.log('done');\n});",
      errors: [
        unchecked(undefined, 'stream.pipeline', [
          insertCheck(
            'if (err) throw err;',
            "import { pipeline } from 'node:stream';\nimport fs from 'node:fs';\npipeline(fs.createReadStream('a'), fs.createWriteStream('b'), (err) => {\n  if (err) throw err;\n  console.log('done');\n});",
          ),
        ]),
      ],
    },
    {
      code: "import { finished } from 'stream';\ndeclare const s: NodeJS.ReadableStream;\nfinished(s, (streamErr) => { console.log('closed'); });",
      errors: [
        unchecked('streamErr', 'stream.finished', [
          insertCheck(
            'if (streamErr) throw streamErr;',
            "import { finished } from 'stream';\ndeclare const s: NodeJS.ReadableStream;\nfinished(s, (streamErr) => { if (streamErr) throw streamErr; console.log('closed'); });",
          ),
        ]),
      ],
    },
    {
      // A parameter-less callback of a known API drops the error too.
      code: `${fsImport}fs.writeFile('a', 'x', () => { console.log('saved'); });`,
      errors: [
        unchecked(undefined, 'fs.writeFile', [
          insertCheck('if (err) throw err;', `${fsImport}fs.writeFile('a', 'x', (err) => { if (err) throw err; console.log('saved'); });`),
        ]),
      ],
    },
    {
      code: `${fsImport}fs.mkdir('d', function () {\n  console.log('made');\n});`,
      errors: [
        unchecked(undefined, 'fs.mkdir', [
          insertCheck('if (err) throw err;', `${fsImport}fs.mkdir('d', function (err) {\n  if (err) throw err;\n  console.log('made');\n});`),
        ]),
      ],
    },
    {
      // With allowEmptyCallbacks off, an empty callback is reported too.
      code: `${fsImport}fs.close(3, () => {});`,
      options: [{ allowEmptyCallbacks: false }],
      errors: [unchecked(undefined, 'fs.close', [insertCheck('if (err) throw err;', `${fsImport}fs.close(3, (err) => { if (err) throw err; });`)])],
    },
    {
      code: `${fsImport}fs.mkdir('d', function () {\n});`,
      options: [{ allowEmptyCallbacks: false }],
      errors: [unchecked(undefined, 'fs.mkdir', [insertCheck('if (err) throw err;', `${fsImport}fs.mkdir('d', function (err) {\n  if (err) throw err;\n});`)])],
    },
    {
      // `err` is taken inside: the added parameter gets another name.
      code: `${fsImport}const err = 1;\nfs.unlink('a', async () => { console.log(err); });`,
      errors: [
        unchecked(undefined, 'fs.unlink', [
          insertCheck('if (error) throw error;', `${fsImport}const err = 1;\nfs.unlink('a', async (error) => { if (error) throw error; console.log(err); });`),
        ]),
      ],
    },
    {
      // fs.promises is not error-first, fs.promises-less deep member access is.
      code: "import * as fs from 'fs';\nfs.promises.readFile('a').then(() => {});\nfs.access('a', fs.constants.R_OK, (err) => { console.log('ok'); });",
      errors: [
        unchecked('err', 'fs.access', [
          insertCheck(
            'if (err) throw err;',
            "import * as fs from 'fs';\nfs.promises.readFile('a').then(() => {});\nfs.access('a', fs.constants.R_OK, (err) => { if (err) throw err; console.log('ok'); });",
          ),
        ]),
      ],
    },
    // ---- where the error should go ----
    {
      // Express: forward to `next`.
      code: "import fs from 'fs';\ndeclare const app: { get(path: string, fn: (req: unknown, res: { send(x: unknown): void }, next: (e?: unknown) => void) => void): void };\napp.get('/', (req, res, next) => {\n  fs.readFile('page.html', (err, html) => {\n    res.send(html);\n  });\n});",
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck(
            'if (err) return next(err);',
            "import fs from 'fs';\ndeclare const app: { get(path: string, fn: (req: unknown, res: { send(x: unknown): void }, next: (e?: unknown) => void) => void): void };\napp.get('/', (req, res, next) => {\n  fs.readFile('page.html', (err, html) => {\n    if (err) return next(err);\n    res.send(html);\n  });\n});",
          ),
        ]),
      ],
    },
    {
      // new Promise executor: reject, whatever it is called.
      code: `${fsImport}const p = new Promise<Buffer>((ok, fail) => {\n  fs.readFile('a', (err, data) => {\n    ok(data);\n  });\n});`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck(
            'if (err) return fail(err);',
            `${fsImport}const p = new Promise<Buffer>((ok, fail) => {\n  fs.readFile('a', (err, data) => {\n    if (err) return fail(err);\n    ok(data);\n  });\n});`,
          ),
        ]),
      ],
    },
    {
      // The nearest forward target wins, through intermediate callbacks.
      code: `${fsImport}function copy(done: (e?: unknown) => void) {\n  fs.stat('a', (statErr) => {\n    if (statErr) return done(statErr);\n    fs.readFile('a', (err, data) => {\n      done();\n    });\n  });\n}`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck(
            'if (err) return done(err);',
            `${fsImport}function copy(done: (e?: unknown) => void) {\n  fs.stat('a', (statErr) => {\n    if (statErr) return done(statErr);\n    fs.readFile('a', (err, data) => {\n      if (err) return done(err);\n      done();\n    });\n  });\n}`,
          ),
          convertToAwait('fs.readFile', "import fs from 'node:fs';\nimport { stat, readFile } from 'node:fs/promises';\nasync function copy(done: (e?: unknown) => void) {\n  try {\n    await stat('a');\n  } catch (statErr: any) {\n    return done(statErr);\n  }\n  await readFile('a');\n  done();\n}"),
        ]),
      ],
    },
    {
      // A shadowed `callback` is not the outer one: throw instead.
      code: `${fsImport}function load(callback: () => void) {\n  const run = () => {\n    const callback = 'not a function';\n    fs.readFile('a', (err, data) => { console.log(data, callback); });\n  };\n  run();\n}`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck(
            'if (err) throw err;',
            `${fsImport}function load(callback: () => void) {\n  const run = () => {\n    const callback = 'not a function';\n    fs.readFile('a', (err, data) => { if (err) throw err; console.log(data, callback); });\n  };\n  run();\n}`,
          ),
          convertToAwait('fs.readFile', "import fs from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nfunction load(callback: () => void) {\n  const run = async () => {\n    const callback = 'not a function';\n    const data = await readFile('a');\n    console.log(data, callback);\n  };\n  run();\n}"),
        ]),
      ],
    },
    {
      // Semicolon-free files get a semicolon-free check; the expression body becomes a block.
      code: "const fs = require('fs')\nmodule.exports = function load(cb) {\n  fs.readFile('a', 'utf8', (err, text) => cb(null, text.trim()))\n}",
      filename: 'script.js',
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck(
            'if (err) return cb(err)',
            "const fs = require('fs')\nmodule.exports = function load(cb) {\n  fs.readFile('a', 'utf8', (err, text) => { if (err) return cb(err); return cb(null, text.trim()); })\n}",
          ),
        ]),
      ],
    },
    // ---- detection beyond the table ----
    {
      // Unknown callee: the name decides (`error`, not just `err`).
      code: "declare const db: { query(sql: string, cb: (...a: any[]) => void): void };\ndb.query('select 1', (error, rows) => {\n  console.log(rows);\n});",
      errors: [
        unchecked('error', 'db.query', [
          insertCheck(
            'if (error) throw error;',
            "declare const db: { query(sql: string, cb: (...a: any[]) => void): void };\ndb.query('select 1', (error, rows) => {\n  if (error) throw error;\n  console.log(rows);\n});",
          ),
        ]),
      ],
    },
    {
      code: 'declare function request(url: string, cb: (...a: any[]) => void): void;\nrequest(\'http://x\', function (requestError, response, body) { console.log(body); });',
      errors: [
        unchecked('requestError', 'request', [
          insertCheck(
            'if (requestError) throw requestError;',
            "declare function request(url: string, cb: (...a: any[]) => void): void;\nrequest('http://x', function (requestError, response, body) { if (requestError) throw requestError; console.log(body); });",
          ),
        ]),
      ],
    },
    {
      // A default value on the error parameter.
      code: `${fsImport}fs.readFile('a', (err = null, data) => { console.log(data); });`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck('if (err) throw err;', `${fsImport}fs.readFile('a', (err = null, data) => { if (err) throw err; console.log(data); });`),
        ]),
      ],
    },
    {
      // A local function passed by reference is checked where it is written.
      code: `${fsImport}function onRead(err: NodeJS.ErrnoException | null, data?: Buffer) {\n  console.log(data);\n}\nfs.readFile('a', onRead);`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck(
            'if (err) throw err;',
            `${fsImport}function onRead(err: NodeJS.ErrnoException | null, data?: Buffer) {\n  if (err) throw err;\n  console.log(data);\n}\nfs.readFile('a', onRead);`,
          ),
        ]),
      ],
    },
    {
      code: `${fsImport}const onStat = function (e: unknown) { console.log('stat'); };\nfs.stat('a', onStat);`,
      errors: [
        unchecked('e', 'fs.stat', [
          insertCheck('if (e) throw e;', `${fsImport}const onStat = function (e: unknown) { if (e) throw e; console.log('stat'); };\nfs.stat('a', onStat);`),
        ]),
      ],
    },
    {
      // `.bind(this)` on an old-style callback.
      code: `${fsImport}class Loader { run() { fs.readFile('a', function (this: Loader, err: unknown, data: unknown) { console.log(this, data); }.bind(this)); } }`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck(
            'if (err) throw err;',
            `${fsImport}class Loader { run() { fs.readFile('a', function (this: Loader, err: unknown, data: unknown) { if (err) throw err; console.log(this, data); }.bind(this)); } }`,
          ),
        ]),
      ],
    },
    {
      // `arguments[0]` never looked at.
      code: `${fsImport}fs.readFile('a', function () { console.log(arguments[1]); });`,
      errors: [
        unchecked(undefined, 'fs.readFile', [
          insertCheck('if (err) throw err;', `${fsImport}fs.readFile('a', function (err) { if (err) throw err; console.log(arguments[1]); });`),
        ]),
      ],
    },
    {
      // Mentioning the error without looking at it does not count.
      code: `${fsImport}fs.unlink('a', (err) => { err; err = null; });`,
      errors: [unchecked('err', 'fs.unlink', [insertCheck('if (err) throw err;', `${fsImport}fs.unlink('a', (err) => { if (err) throw err; err; err = null; });`)])],
    },
    {
      // A comment at the start of the body stays above the inserted check.
      code: `${fsImport}fs.readFile('a', (err, data) => {\n  // show it\n  console.log(data);\n});`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck('if (err) throw err;', `${fsImport}fs.readFile('a', (err, data) => {\n  if (err) throw err;\n  // show it\n  console.log(data);\n});`),
        ]),
      ],
    },
    {
      // An object literal body keeps its parentheses inside the return.
      code: `${fsImport}fs.stat('a', (err, stats) => ({ size: stats.size }));`,
      errors: [
        unchecked('err', 'fs.stat', [
          insertCheck('if (err) throw err;', `${fsImport}fs.stat('a', (err, stats) => { if (err) throw err; return ({ size: stats.size }); });`),
        ]),
      ],
    },
    {
      // A comment after `=>` would land between `return` and the value: no suggestion.
      code: `${fsImport}fs.stat('a', (err, stats) => /* size */ stats.size);`,
      errors: [unchecked('err', 'fs.stat')],
    },
    {
      // Two callbacks in one call.
      code: 'declare function both(a: (...x: any[]) => void, b: (...x: any[]) => void): void;\nboth((err) => {}, (error) => {});',
      errors: [
        unchecked('err', 'both', [
          insertCheck('if (err) throw err;', 'declare function both(a: (...x: any[]) => void, b: (...x: any[]) => void): void;\nboth((err) => { if (err) throw err; }, (error) => {});'),
        ]),
        unchecked('error', 'both', [
          insertCheck('if (error) throw error;', 'declare function both(a: (...x: any[]) => void, b: (...x: any[]) => void): void;\nboth((err) => {}, (error) => { if (error) throw error; });'),
        ]),
      ],
    },
    {
      // A long callee is shortened in the message.
      code: 'declare const x: any;\nx.aVeryLongServiceName.withAnEvenLongerMethodName.call(1, (err) => {});',
      errors: [
        unchecked('err', 'x.aVeryLongServiceName.withAnEvenLonger…', [
          insertCheck('if (err) throw err;', 'declare const x: any;\nx.aVeryLongServiceName.withAnEvenLongerMethodName.call(1, (err) => { if (err) throw err; });'),
        ]),
      ],
    },
    {
      // Directives stay first.
      code: `${fsImport}fs.readFile('a', function (err, data) {\n  'use strict';\n  console.log(data);\n});`,
      errors: [
        unchecked('err', 'fs.readFile', [
          insertCheck('if (err) throw err;', `${fsImport}fs.readFile('a', function (err, data) {\n  'use strict';\n  if (err) throw err;\n  console.log(data);\n});`),
        ]),
      ],
    },
    {
      // An optional call, and a TypeScript `this` parameter before the error.
      code: `declare const maybe: { stat(p: string, cb: (...a: any[]) => void): void } | undefined;\nmaybe?.stat('a', function (this: unknown, err: unknown) { console.log(this); });`,
      errors: [
        unchecked('err', 'maybe?.stat', [
          insertCheck(
            'if (err) throw err;',
            `declare const maybe: { stat(p: string, cb: (...a: any[]) => void): void } | undefined;\nmaybe?.stat('a', function (this: unknown, err: unknown) { if (err) throw err; console.log(this); });`,
          ),
        ]),
      ],
    },
    // ---- usedBeforeCheck ----
    {
      code: `${fsImport}fs.readFile('a', (err, data) => {\n  const s = data.toString();\n  if (err) throw err;\n  console.log(s);\n});`,
      errors: [usedBeforeCheck('data', 'err', 'fs.readFile')],
    },
    {
      code: `${fsImport}function load(cb: (e: unknown, d?: unknown) => void) {\n  fs.readFile('a', 'utf8', (err, text) => {\n    const parsed = JSON.parse(text);\n    cb(err, parsed);\n  });\n}`,
      errors: [usedBeforeCheck('text', 'err', 'fs.readFile')],
    },
    {
      // Destructuring a missing result throws before the body runs.
      code: `${fsImport}fs.stat('a', (err, { size }) => { if (err) throw err; console.log(size); });`,
      errors: [usedBeforeCheck('{ size }', 'err', 'fs.stat')],
    },
    {
      code: "declare const db: { query(q: string, cb: (...a: any[]) => void): void };\ndb.query('q', (err, rows) => { for (const row of rows) console.log(row); if (err) console.error(err); });",
      errors: [usedBeforeCheck('rows', 'err', 'db.query')],
    },
    // ---- continuesAfterError ----
    {
      // The callback is called twice.
      code: `${fsImport}function size(p: string, cb: (e: unknown, n?: number) => void) {\n  fs.stat(p, (err, stats) => {\n    if (err) cb(err);\n    cb(null, stats.size);\n  });\n}`,
      errors: [
        continues(
          'err',
          '`cb` is called again',
          `${fsImport}function size(p: string, cb: (e: unknown, n?: number) => void) {\n  fs.stat(p, (err, stats) => {\n    if (err) return cb(err);\n    cb(null, stats.size);\n  });\n}`,
        ),
      ],
    },
    {
      code: `${fsImport}fs.readFile('a', (err, data) => {\n  if (err) {\n    console.error(err);\n  }\n  console.log(data.length);\n});`,
      errors: [
        continues(
          'err',
          '`data` is still used',
          `${fsImport}fs.readFile('a', (err, data) => {\n  if (err) {\n    return console.error(err);\n  }\n  console.log(data.length);\n});`,
        ),
      ],
    },
    {
      // Forwarded with the error, but also used on its own after the branch.
      code: `${fsImport}function load(callback: (e: unknown, n?: number) => void) {\n  fs.readFile('a', (err, data) => {\n    if (err) {\n      console.error(err);\n    }\n    callback(err, data.length);\n  });\n}`,
      errors: [
        continues(
          'err',
          '`data` is still used',
          `${fsImport}function load(callback: (e: unknown, n?: number) => void) {\n  fs.readFile('a', (err, data) => {\n    if (err) {\n      return console.error(err);\n    }\n    callback(err, data.length);\n  });\n}`,
        ),
      ],
    },
    {
      // The error branch ends in something other than a call: `return;` goes after it.
      code: `${fsImport}let failed = false;\nfs.readFile('a', (err, data) => {\n  if (err) {\n    failed = true;\n  }\n  console.log(data.length);\n});`,
      errors: [
        continues(
          'err',
          '`data` is still used',
          `${fsImport}let failed = false;\nfs.readFile('a', (err, data) => {\n  if (err) {\n    failed = true;\n    return;\n  }\n  console.log(data.length);\n});`,
        ),
      ],
    },
    {
      // A single non-call statement gets braces.
      code: `${fsImport}let failed = 0;\nfs.readFile('a', (err, data) => { if (err) failed++; console.log(data.length); });`,
      errors: [
        continues('err', '`data` is still used', `${fsImport}let failed = 0;\nfs.readFile('a', (err, data) => { if (err) { failed++; return; } console.log(data.length); });`),
      ],
    },
    {
      // Negated test: the `else` is the error branch.
      code: `${fsImport}declare function next(e?: unknown): void;\nfs.readFile('a', (err, data) => {\n  if (!err) console.log('ok');\n  else next(err);\n  next(null);\n});`,
      errors: [
        continues(
          'err',
          '`next` is called again',
          `${fsImport}declare function next(e?: unknown): void;\nfs.readFile('a', (err, data) => {\n  if (!err) console.log('ok');\n  else return next(err);\n  next(null);\n});`,
        ),
      ],
    },
    {
      // Express: `next(err)` and then the response is sent anyway.
      code: "import fs from 'fs';\ndeclare const app: any;\napp.get('/', (req: any, res: any, next: (e?: unknown) => void) => {\n  fs.readFile('page.html', (err, html) => {\n    if (err) next(err);\n    res.send(html);\n  });\n});",
      errors: [
        continues(
          'err',
          '`html` is still used',
          "import fs from 'fs';\ndeclare const app: any;\napp.get('/', (req: any, res: any, next: (e?: unknown) => void) => {\n  fs.readFile('page.html', (err, html) => {\n    if (err) return next(err);\n    res.send(html);\n  });\n});",
        ),
      ],
    },
    {
      // Promise executor: rejects, then resolves with the missing data.
      code: `${fsImport}new Promise((resolve, reject) => {\n  fs.readFile('a', (err, data) => {\n    if (err) reject(err);\n    resolve(data.toString());\n  });\n});`,
      errors: [
        continues(
          'err',
          '`data` is still used',
          `${fsImport}new Promise((resolve, reject) => {\n  fs.readFile('a', (err, data) => {\n    if (err) return reject(err);\n    resolve(data.toString());\n  });\n});`,
        ),
      ],
    },
    {
      // A partial check that does not stop: other errors fall through.
      code: `${fsImport}fs.readFile('a', (err, data) => { if (err && err.code === 'ENOENT') console.log('missing'); console.log(data.length); });`,
      errors: [
        continues(
          'err',
          '`data` is still used',
          `${fsImport}fs.readFile('a', (err, data) => { if (err && err.code === 'ENOENT') return console.log('missing'); console.log(data.length); });`,
        ),
      ],
    },
    {
      // Inside a loop a `return` would change more than the error path: no suggestion.
      code: `${fsImport}fs.readdir('d', (err, names) => { while (true) { if (err) console.error(err); console.log(names.length); break; } });`,
      errors: [continues('err', '`names` is still used')],
    },
    {
      // Semicolon-free style.
      code: "const fs = require('fs')\nfs.readFile('a', (err, data) => {\n  if (err) {\n    process.exitCode = 1\n  }\n  console.log(data)\n})",
      filename: 'script.js',
      errors: [
        continues('err', '`data` is still used', "const fs = require('fs')\nfs.readFile('a', (err, data) => {\n  if (err) {\n    process.exitCode = 1\n    return\n  }\n  console.log(data)\n})"),
      ],
    },
    {
      // `err && cb(err);` falls through: the callback is called twice.
      code: `${fsImport}function load(cb: (e: Error | null, d?: Buffer) => void) {\n  fs.readFile('a', (err, data) => {\n    err && cb(err);\n    cb(null, data);\n  });\n}`,
      errors: [
        {
          ...continues(
            'err',
            '`cb` is called again',
            `${fsImport}function load(cb: (e: Error | null, d?: Buffer) => void) {\n  fs.readFile('a', (err, data) => {\n    if (err) return cb(err);\n    cb(null, data);\n  });\n}`,
          ),
          line: 4,
          column: 12,
        },
      ],
    },
    {
      // Logged, then the missing result is used anyway; the test keeps its parts.
      code: `${fsImport}fs.readFile('a', (err, data) => { err && err.code !== 'ENOENT' && console.error(err); console.log(data.length); });`,
      errors: [
        continues(
          'err',
          '`data` is still used',
          `${fsImport}fs.readFile('a', (err, data) => { if (err && err.code !== 'ENOENT') return console.error(err); console.log(data.length); });`,
        ),
      ],
    },
    {
      // In a loop a `return` would change more than the error path: no suggestion.
      code: `${fsImport}function load(cb: (e: Error | null, d?: Buffer) => void) { fs.readFile('a', (err, data) => { for (const x of [1]) { err && cb(err); cb(null, data); } }); }`,
      errors: [{ ...continues('err', '`cb` is called again'), suggestions: null }],
    },
    {
      // An 'error' listener that drops the error: empty, or doing something else.
      code: `${streamImport}stream.on('error', function (err) {});`,
      errors: [{ ...swallowed('stream', 'err'), line: 3, column: 30 }],
    },
    {
      code: "import * as http from 'node:http';\nconst req = http.get('http://x');\nreq.once('error', (error) => { console.log('request failed'); });",
      errors: [swallowed('req', 'error')],
    },
    {
      // A named listener; the emitter as written, shortened.
      code: `${streamImport}const streams = { input: { reader: { primary: stream } } };\nlet done = false;\nfunction onStreamError(e: unknown) { done = true; }\nstreams.input.reader.primary.prependListener('error', onStreamError);`,
      errors: [{ ...swallowed('streams.input.reader.primary', 'e'), line: 5 }],
    },
    {
      // Two swallowing listeners on one emitter: both reported.
      code: `${streamImport}stream.on('error', (err) => {});\nstream.addListener('error', (cause) => {});`,
      errors: [swallowed('stream', 'err'), swallowed('stream', 'cause')],
    },
  ],
  typeAwareOnly: [
    {
      // The checker knows the first parameter is `Error | null`, whatever it is called.
      code: 'declare function fetchUser(id: number, cb: (problem: Error | null, user?: { name: string }) => void): void;\nfetchUser(1, (problem, user) => {\n  console.log(user);\n});',
      errors: [
        unchecked('problem', 'fetchUser', [
          insertCheck(
            'if (problem) throw problem;',
            'declare function fetchUser(id: number, cb: (problem: Error | null, user?: { name: string }) => void): void;\nfetchUser(1, (problem, user) => {\n  if (problem) throw problem;\n  console.log(user);\n});',
          ),
        ]),
      ],
    },
    {
      // An optional ErrnoException, and a parameter-less callback: the types say an error is dropped.
      code: "declare function flush(cb: (failure?: NodeJS.ErrnoException) => void): void;\nflush(() => { console.log('flushed'); });",
      errors: [
        unchecked(undefined, 'flush', [
          insertCheck('if (err) throw err;', "declare function flush(cb: (failure?: NodeJS.ErrnoException) => void): void;\nflush((err) => { if (err) throw err; console.log('flushed'); });"),
        ]),
      ],
    },
    {
      // `fs` reached through a parameter typed as the module.
      code: "function read(fsModule: typeof import('fs')) {\n  fsModule.readFile('a', (oops, data) => { console.log(data); });\n}",
      errors: [
        unchecked('oops', 'fs.readFile', [
          insertCheck('if (oops) throw oops;', "function read(fsModule: typeof import('fs')) {\n  fsModule.readFile('a', (oops, data) => { if (oops) throw oops; console.log(data); });\n}"),
          convertToAwait('fsModule.readFile', "import { readFile } from 'node:fs/promises';\nasync function read(fsModule: typeof import('fs')) {\n  const data = await readFile('a');\n  console.log(data);\n}"),
        ]),
      ],
    },
  ],
  syntacticOnly: [
    {
      // The checker knows this emitter's 'error' listener gets a number, not an error.
      code: "interface Bus { on(event: 'error', listener: (code: number) => void): void }\ndeclare const bus: Bus;\nbus.on('error', (code) => { console.log('bus failed'); });",
      errors: [swallowed('bus', 'code')],
    },
    {
      // Named like an error, but the checker knows it is a string.
      code: "declare function prompt(q: string, cb: (e: string) => void): void;\nprompt('name?', (e) => { console.log('answered'); });",
      errors: [
        unchecked('e', 'prompt', [
          insertCheck('if (e) throw e;', "declare function prompt(q: string, cb: (e: string) => void): void;\nprompt('name?', (e) => { if (e) throw e; console.log('answered'); });"),
        ]),
      ],
    },
    {
      // An event object from a custom DOM-like API.
      code: "declare const ws: { onmessage(handler: (e: MessageEvent) => void): void };\nws.onmessage((e) => { console.log('message'); });",
      errors: [
        unchecked('e', 'ws.onmessage', [
          insertCheck('if (e) throw e;', "declare const ws: { onmessage(handler: (e: MessageEvent) => void): void };\nws.onmessage((e) => { if (e) throw e; console.log('message'); });"),
        ]),
      ],
    },
  ],
});

describe('no-unchecked-callback-error with ESLint\'s default parser', () => {
  it('runs without parser services (espree) and reports', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin's CommonJS entry, as users load it
    const plugin = require('../../rules/index') as { rules: Record<string, unknown> };
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      "const fs = require('fs');\nfs.readFile('a', (err, data) => { console.log(data); });",
      [{ languageOptions: { sourceType: 'commonjs' }, plugins: { 'async-guard': plugin as NonNullable<Linter.Config['plugins']>[string] }, rules: { 'async-guard/no-unchecked-callback-error': 'error' } }],
      { filename: 'script.js' },
    );
    assert.deepStrictEqual(
      messages.map((message) => [message.messageId, message.line, message.column]),
      [['unchecked', 2, 19]],
    );
  });
});
