import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { noSyncInAsync, type MessageIds, type Options } from '../../rules/no-sync-in-async';
import { runInBothModes } from './rule-tester';

type Error = InvalidTestCase<MessageIds, Options>['errors'][number];
type Suggestion = NonNullable<Error['suggestions']>[number];

function blocking(name: string, where: string, advice: string, suggestions: Suggestion[] = []): Error {
  return { messageId: 'blockingCall', data: { name, where, advice }, suggestions };
}

function useAwait(replacement: string, output: string, module = 'fs/promises'): Suggestion {
  return { messageId: 'useAwait', data: { replacement, module: `'node:${module}'` }, output };
}

const awaitReadFile = "Use `await readFile(…)` from 'node:fs/promises'.";
const readFileLater = "Use `readFile` from 'node:fs/promises' and await it.";
const inLoad = "async function 'load'";
const callbackInLoad = "a callback that runs inside async function 'load'";

runInBothModes('no-sync-in-async', noSyncInAsync, {
  valid: [
    // Top-level code and CLI start-up may block: nothing else is running yet.
    // An async function that runs once when the module loads (start-up): a module-level IIFE (was invalid before), a main called only at module level.
    "import fs from 'fs';\n(async () => {\n  fs.writeFileSync('out', 'x');\n})();",
    "import fs from 'node:fs';\nasync function init() {\n  const files = fs.readdirSync('template');\n  console.log(files);\n}\ninit().catch((e) => {\n  console.error(e);\n});",
    "import fs from 'node:fs';\nconst main = async () => {\n  fs.writeFileSync('out.txt', 'x');\n};\nvoid main();",
    "import fs from 'node:fs'; const config = fs.readFileSync('config.json', 'utf8');",
    "const fs = require('fs'); const data = fs.readFileSync(__filename);",
    // Ordinary synchronous functions are not async code.
    "import { readFileSync } from 'fs'; function load(p: string) { return readFileSync(p, 'utf8'); }",
    "const { execSync } = require('child_process'); function version() { return execSync('git rev-parse HEAD').toString(); }",
    // A plain function declared inside an async one runs whenever it is called.
    "import fs from 'fs'; async function main() { function helper() { return fs.readFileSync('x'); } return helper; }",
    // Callbacks that run later (timers, events, error-first) are not the async function's own time.
    "import fs from 'fs'; async function main() { setTimeout(() => fs.readFileSync('x'), 10); }",
    "import fs from 'fs'; async function main(emitter: NodeJS.EventEmitter) { emitter.on('x', () => fs.writeFileSync('log', 'x')); }",
    // The async API is fine.
    "import { readFile } from 'node:fs/promises'; async function load(p: string) { return readFile(p, 'utf8'); }",
    "import fs from 'fs'; async function load(p: string) { return fs.promises.readFile(p, 'utf8'); }",
    // A local function that happens to be named like a blocking one.
    'function readFileSync(p: string) { return p; } async function load(p: string) { return readFileSync(p); }',
    'async function load(db: { querySync(q: string): void }) { db.querySync("select 1"); }',
    // Shadowing: the parameter `fs` is not the module.
    "import fs from 'fs'; async function load(fs: { readFileSync(p: string): string }) { return fs.readFileSync('x'); }",
    // A re-assigned alias is not trusted.
    "import fs from 'fs'; let read = fs.readFileSync; read = (p: string) => p; async function load() { return read('x'); }",
    // `allow` option.
    { code: "import fs from 'fs'; async function load() { return fs.existsSync('x'); }", options: [{ allow: ['fs.existsSync'] }] },
    { code: "import { existsSync } from 'node:fs'; async function load() { return existsSync('x'); }", options: [{ allow: ['fs.existsSync'] }] },
    // Non-blocking `…Sync`-looking names of other modules.
    "import { readFileSync } from 'memfs'; async function load() { return readFileSync('x'); }",
    // `crypto.randomBytes(n)` without a callback is a cheap synchronous call.
    "import crypto from 'crypto'; async function token() { return crypto.randomBytes(16).toString('hex'); }",
    // `Atomics.wait` shadowed by a local object.
    'const Atomics = { wait() { return 0; } }; async function f() { Atomics.wait(); }',
    // Type-only imports carry no value.
    "import type { readFileSync } from 'fs'; declare const r: typeof readFileSync; function f() { return r; }",
  ],
  invalid: [
    // Next to "runs once": an exported main (others may call it), a main also called from a request handler.
    {
      code: "import fs from 'node:fs';\nexport async function init() {\n  return fs.readdirSync('template');\n}\ninit().catch(console.error);\n",
      errors: [blocking('fs.readdirSync', "async function 'init'", "Use `await readdir(…)` from 'node:fs/promises'.", [useAwait('readdir', "import fs from 'node:fs';\nimport { readdir } from 'node:fs/promises';\nexport async function init() {\n  return await readdir('template');\n}\ninit().catch(console.error);\n")])],
    },
    {
      code: "import fs from 'node:fs';\nimport http from 'node:http';\nasync function load() {\n  return fs.readFileSync('page.html');\n}\nload().catch(console.error);\nhttp.createServer(() => load()).listen(8080);\n",
      errors: [blocking('fs.readFileSync', "async function 'load'", awaitReadFile, [useAwait('readFile', "import fs from 'node:fs';\nimport http from 'node:http';\nimport { readFile } from 'node:fs/promises';\nasync function load() {\n  return await readFile('page.html');\n}\nload().catch(console.error);\nhttp.createServer(() => load()).listen(8080);\n")])],
    },
    {
      code: "import fs from 'node:fs';\nasync function load(p: string) {\n  return fs.readFileSync(p, 'utf8');\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait(
            'readFile',
            "import fs from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nasync function load(p: string) {\n  return await readFile(p, 'utf8');\n}",
          ),
        ]),
      ],
    },
    {
      // ESM named import.
      code: "import { readFileSync } from 'fs';\nasync function load(p: string) {\n  return readFileSync(p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait(
            'readFile',
            "import { readFileSync } from 'fs';\nimport { readFile } from 'node:fs/promises';\nasync function load(p: string) {\n  return await readFile(p);\n}",
          ),
        ]),
      ],
    },
    {
      // Namespace import.
      code: "import * as fs from 'fs';\nconst load = async (p: string) => fs.statSync(p).size;",
      errors: [
        blocking('fs.statSync', "async function 'load'", "Use `await stat(…)` from 'node:fs/promises'.", [
          useAwait(
            'stat',
            "import * as fs from 'fs';\nimport { stat } from 'node:fs/promises';\nconst load = async (p: string) => (await stat(p)).size;",
          ),
        ]),
      ],
    },
    {
      // CommonJS require: the import is added as a require after the others.
      code: "'use strict';\nconst fs = require('fs');\nconst path = require('path');\n\nasync function load(name) {\n  return fs.readFileSync(path.join(__dirname, name), 'utf8');\n}",
      filename: 'script.js',
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait(
            'readFile',
            "'use strict';\nconst fs = require('fs');\nconst path = require('path');\nconst { readFile } = require('node:fs/promises');\n\nasync function load(name) {\n  return await readFile(path.join(__dirname, name), 'utf8');\n}",
          ),
        ]),
      ],
    },
    {
      // Destructured require.
      code: "const { writeFileSync } = require('node:fs');\nmodule.exports = async function save(p, d) {\n  writeFileSync(p, d);\n};",
      filename: 'script.js',
      errors: [
        blocking('fs.writeFileSync', "async function 'save'", "Use `await writeFile(…)` from 'node:fs/promises'.", [
          useAwait(
            'writeFile',
            "const { writeFileSync } = require('node:fs');\nconst { writeFile } = require('node:fs/promises');\nmodule.exports = async function save(p, d) {\n  await writeFile(p, d);\n};",
          ),
        ]),
      ],
    },
    {
      // A chained require member.
      code: "const readFileSync = require('fs').readFileSync;\nasync function load(p) {\n  return readFileSync(p);\n}",
      filename: 'script.js',
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait(
            'readFile',
            "const readFileSync = require('fs').readFileSync;\nconst { readFile } = require('node:fs/promises');\nasync function load(p) {\n  return await readFile(p);\n}",
          ),
        ]),
      ],
    },
    {
      // A constant alias of a member.
      code: "import fs from 'fs';\nconst read = fs.readFileSync;\nasync function load(p: string) {\n  return read(p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait(
            'readFile',
            "import fs from 'fs';\nimport { readFile } from 'node:fs/promises';\nconst read = fs.readFileSync;\nasync function load(p: string) {\n  return await readFile(p);\n}",
          ),
        ]),
      ],
    },
    {
      // An existing fs/promises import is reused, not duplicated.
      code: "import fs from 'fs';\nimport { writeFile } from 'fs/promises';\nasync function load(p: string) {\n  await writeFile(p, '');\n  return fs.readFileSync(p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait(
            'readFile',
            "import fs from 'fs';\nimport { writeFile, readFile } from 'fs/promises';\nasync function load(p: string) {\n  await writeFile(p, '');\n  return await readFile(p);\n}",
          ),
        ]),
      ],
    },
    {
      // An existing binding of the promise function is used as it is.
      code: "import fs from 'fs';\nimport { readFile as read } from 'node:fs/promises';\nasync function load(p: string) {\n  await read(p);\n  return fs.readFileSync(p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait(
            'read',
            "import fs from 'fs';\nimport { readFile as read } from 'node:fs/promises';\nasync function load(p: string) {\n  await read(p);\n  return await read(p);\n}",
          ),
        ]),
      ],
    },
    {
      // A namespace import of fs/promises is reused.
      code: "import fs from 'fs';\nimport * as fsp from 'fs/promises';\nasync function load(p: string) {\n  return fs.readdirSync(p);\n}",
      errors: [
        blocking('fs.readdirSync', inLoad, "Use `await readdir(…)` from 'node:fs/promises'.", [
          useAwait(
            'fsp.readdir',
            "import fs from 'fs';\nimport * as fsp from 'fs/promises';\nasync function load(p: string) {\n  return await fsp.readdir(p);\n}",
          ),
        ]),
      ],
    },
    {
      // A clash with an existing `readFile` binding picks another name.
      code: "import fs from 'fs';\nconst readFile = 1;\nasync function load(p: string) {\n  return fs.readFileSync(p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait(
            'readFileAsync',
            "import fs from 'fs';\nimport { readFile as readFileAsync } from 'node:fs/promises';\nconst readFile = 1;\nasync function load(p: string) {\n  return await readFileAsync(p);\n}",
          ),
        ]),
      ],
    },
    {
      // The synchronous callback inside an async function: reported, no suggestion (await is illegal there).
      code: "import fs from 'fs';\nasync function load(files: string[]) {\n  return files.map((f) => fs.readFileSync(f));\n}",
      errors: [blocking('fs.readFileSync', callbackInLoad, readFileLater)],
    },
    {
      code: "import fs from 'fs';\nasync function load(files: string[]) {\n  files.forEach(function (f) {\n    fs.unlinkSync(f);\n  });\n}",
      errors: [blocking('fs.unlinkSync', callbackInLoad, "Use `unlink` from 'node:fs/promises' and await it.")],
    },
    {
      // Two levels of synchronous callbacks.
      code: "import fs from 'fs';\nasync function load(dirs: string[][]) {\n  dirs.forEach((d) => d.filter((f) => fs.existsSync(f)));\n}",
      errors: [blocking('fs.existsSync', callbackInLoad, 'Move it out of the async path, or run it in a worker thread.')],
    },
    {
      // A Promise executor runs synchronously inside the async function.
      code: "import fs from 'fs';\nasync function load(p: string) {\n  return new Promise((resolve) => resolve(fs.readFileSync(p)));\n}",
      errors: [blocking('fs.readFileSync', callbackInLoad, readFileLater)],
    },
    {
      // Class methods.
      code: "import fs from 'fs';\nclass Store {\n  async load(p: string) {\n    return fs.readFileSync(p, 'utf8');\n  }\n}",
      errors: [
        blocking('fs.readFileSync', "async function 'load'", awaitReadFile, [
          useAwait(
            'readFile',
            "import fs from 'fs';\nimport { readFile } from 'node:fs/promises';\nclass Store {\n  async load(p: string) {\n    return await readFile(p, 'utf8');\n  }\n}",
          ),
        ]),
      ],
    },
    {
      // Object methods and async arrows without a name.
      code: "import fs from 'fs';\nexport default { async save(p: string) { fs.mkdirSync(p); } };\nexport const run = [async () => fs.rmSync('x')];",
      errors: [
        blocking('fs.mkdirSync', "async function 'save'", "Use `await mkdir(…)` from 'node:fs/promises'.", [
          useAwait(
            'mkdir',
            "import fs from 'fs';\nimport { mkdir } from 'node:fs/promises';\nexport default { async save(p: string) { await mkdir(p); } };\nexport const run = [async () => fs.rmSync('x')];",
          ),
        ]),
        blocking('fs.rmSync', 'an async function', "Use `await rm(…)` from 'node:fs/promises'.", [
          useAwait(
            'rm',
            "import fs from 'fs';\nimport { rm } from 'node:fs/promises';\nexport default { async save(p: string) { fs.mkdirSync(p); } };\nexport const run = [async () => await rm('x')];",
          ),
        ]),
      ],
    },
    {
      // Async generator functions are async code too.
      code: "import fs from 'fs';\nasync function* lines(p: string) {\n  yield fs.readFileSync(p, 'utf8');\n}",
      errors: [
        blocking('fs.readFileSync', "async function 'lines'", awaitReadFile, [
          useAwait('readFile', "import fs from 'fs';\nimport { readFile } from 'node:fs/promises';\nasync function* lines(p: string) {\n  yield await readFile(p, 'utf8');\n}"),
        ]),
      ],
    },
    {
      // Nested async functions: the inner one is the context.
      code: "import fs from 'fs';\nasync function outer() {\n  const inner = async () => fs.accessSync('x');\n  return inner;\n}",
      errors: [
        blocking('fs.accessSync', "async function 'inner'", "Use `await access(…)` from 'node:fs/promises'.", [
          useAwait('access', "import fs from 'fs';\nimport { access } from 'node:fs/promises';\nasync function outer() {\n  const inner = async () => await access('x');\n  return inner;\n}"),
        ]),
      ],
    },
    {
      // child_process: no same-shaped promise API, so no suggestion.
      code: "import { execSync } from 'child_process';\nasync function build() {\n  execSync('make');\n}",
      errors: [blocking('child_process.execSync', "async function 'build'", 'Use the asynchronous `exec` instead, or move this out of the async path.')],
    },
    {
      code: "const cp = require('node:child_process');\nasync function build() {\n  cp.execFileSync('make', ['all']);\n  cp.spawnSync('ls');\n}",
      filename: 'script.js',
      errors: [
        blocking('child_process.execFileSync', "async function 'build'", 'Use the asynchronous `execFile` instead, or move this out of the async path.'),
        blocking('child_process.spawnSync', "async function 'build'", 'Use the asynchronous `spawn` instead, or move this out of the async path.'),
      ],
    },
    {
      // crypto and zlib: the promisified callback API is named.
      code: "import crypto from 'crypto';\nasync function hash(pw: string) {\n  return crypto.pbkdf2Sync(pw, 'salt', 100000, 64, 'sha512');\n}",
      errors: [blocking('crypto.pbkdf2Sync', "async function 'hash'", "Use `await promisify(crypto.pbkdf2)(…)` from 'node:util'.")],
    },
    {
      code: "import { scryptSync, generateKeyPairSync } from 'node:crypto';\nasync function keys() {\n  scryptSync('a', 'b', 64);\n  generateKeyPairSync('ed25519');\n}",
      errors: [
        blocking('crypto.scryptSync', "async function 'keys'", "Use `await promisify(crypto.scrypt)(…)` from 'node:util'."),
        blocking('crypto.generateKeyPairSync', "async function 'keys'", 'Use the asynchronous `generateKeyPair` instead, or move this out of the async path.'),
      ],
    },
    {
      code: "import zlib from 'zlib';\nexport async function pack(b: Buffer) {\n  return zlib.gzipSync(b);\n}",
      errors: [blocking('zlib.gzipSync', "async function 'pack'", "Use `await promisify(zlib.gzip)(…)` from 'node:util'.")],
    },
    {
      // A `…Sync` function the table does not list yet still blocks.
      code: "import zlib from 'zlib';\nexport async function pack(b: Buffer) {\n  return zlib.crc32Sync(b);\n}",
      errors: [blocking('zlib.crc32Sync', "async function 'pack'", 'Move it out of the async path, or run it in a worker thread.')],
    },
    {
      // Atomics.wait, a global.
      code: 'async function sleep(buf: Int32Array) {\n  Atomics.wait(buf, 0, 0, 100);\n}',
      errors: [blocking('Atomics.wait', "async function 'sleep'", 'Use the asynchronous `Atomics.waitAsync` instead, or move this out of the async path.')],
    },
    {
      // Dynamic import.
      code: "async function load(p: string) {\n  const fs = await import('node:fs');\n  return fs.readFileSync(p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait('readFile', "import { readFile } from 'node:fs/promises';\nasync function load(p: string) {\n  const fs = await import('node:fs');\n  return await readFile(p);\n}"),
        ]),
      ],
    },
    {
      // Bracket access with a string.
      code: "import fs from 'fs';\nasync function load(p: string) {\n  return fs['readFileSync'](p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait('readFile', "import fs from 'fs';\nimport { readFile } from 'node:fs/promises';\nasync function load(p: string) {\n  return await readFile(p);\n}"),
        ]),
      ],
    },
    {
      // A comment inside the callee: no suggestion, it would be lost.
      code: "import fs from 'fs';\nasync function load(p: string) {\n  return fs./* sync on purpose? */readFileSync(p);\n}",
      errors: [blocking('fs.readFileSync', inLoad, readFileLater)],
    },
    {
      // Comments in the arguments are kept.
      code: "import fs from 'fs';\nasync function load(p: string) {\n  return fs.readFileSync(p /* path */, 'utf8' /* text */);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait('readFile', "import fs from 'fs';\nimport { readFile } from 'node:fs/promises';\nasync function load(p: string) {\n  return await readFile(p /* path */, 'utf8' /* text */);\n}"),
        ]),
      ],
    },
    {
      // Without imports at all, the new import goes above the first statement's own comment.
      code: "// Loads things.\nasync function load(p: string) {\n  const fs = require('fs');\n  return fs.readFileSync(p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait('readFile', "const { readFile } = require('node:fs/promises');\n// Loads things.\nasync function load(p: string) {\n  const fs = require('fs');\n  return await readFile(p);\n}"),
        ]),
      ],
    },
    {
      // Double quotes and no semicolons are copied from the file's imports.
      code: 'import fs from "fs"\nasync function load(p: string) {\n  return fs.readFileSync(p)\n}',
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait('readFile', 'import fs from "fs"\nimport { readFile } from "node:fs/promises"\nasync function load(p: string) {\n  return await readFile(p)\n}'),
        ]),
      ],
    },
    {
      // fs.promises aliases resolve: only the Sync call is reported.
      code: "import fs from 'fs';\nconst fsp = fs.promises;\nasync function load(p: string) {\n  await fsp.readFile(p);\n  return fs.lstatSync(p);\n}",
      errors: [
        blocking('fs.lstatSync', inLoad, "Use `await lstat(…)` from 'node:fs/promises'.", [
          useAwait('lstat', "import fs from 'fs';\nimport { lstat } from 'node:fs/promises';\nconst fsp = fs.promises;\nasync function load(p: string) {\n  await fsp.readFile(p);\n  return await lstat(p);\n}"),
        ]),
      ],
    },
    {
      // fd-based calls have no drop-in promise form.
      code: "import fs from 'fs';\nasync function f(fd: number) {\n  fs.fsyncSync(fd);\n}",
      errors: [blocking('fs.fsyncSync', "async function 'f'", 'Use the asynchronous `fsync` instead, or move this out of the async path.')],
    },
    {
      // Option `blocking`: the user's own functions, by module or as written.
      code: "import bcrypt from 'bcrypt';\nasync function check(pw: string, hash: string) {\n  return bcrypt.compareSync(pw, hash);\n}",
      options: [{ blocking: ['bcrypt.compareSync'] }],
      errors: [blocking('bcrypt.compareSync', "async function 'check'", 'Move it out of the async path, or run it in a worker thread.')],
    },
    {
      code: 'declare const db: { query(q: string): void };\nasync function f() {\n  db.query("select 1");\n}',
      options: [{ blocking: ['db.query'] }],
      errors: [blocking('db.query', "async function 'f'", 'Move it out of the async path, or run it in a worker thread.')],
    },
    {
      // `allow` lists one name; the others are still reported.
      code: "import fs from 'fs';\nasync function f() {\n  fs.existsSync('a');\n  fs.mkdirSync('a');\n}",
      options: [{ allow: ['fs.existsSync'] }],
      errors: [
        blocking('fs.mkdirSync', "async function 'f'", "Use `await mkdir(…)` from 'node:fs/promises'.", [
          useAwait('mkdir', "import fs from 'fs';\nimport { mkdir } from 'node:fs/promises';\nasync function f() {\n  fs.existsSync('a');\n  await mkdir('a');\n}"),
        ]),
      ],
    },
    {
      // Optional call: reported, but the suggestion would change meaning.
      code: "import fs from 'fs';\nasync function f() {\n  return fs.readFileSync?.('a');\n}",
      errors: [blocking('fs.readFileSync', "async function 'f'", readFileLater)],
    },
    {
      // Inside a .mjs file with an existing default import and `as` alias clash handling.
      code: "import { readFileSync as rfs } from 'node:fs';\nexport async function main() {\n  const text = rfs('a.txt', 'utf8').trim();\n  return text;\n}",
      filename: 'module.mjs',
      errors: [
        blocking('fs.readFileSync', "async function 'main'", awaitReadFile, [
          useAwait('readFile', "import { readFileSync as rfs } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nexport async function main() {\n  const text = (await readFile('a.txt', 'utf8')).trim();\n  return text;\n}"),
        ]),
      ],
    },
    {
      // Express-style handler.
      code: "const fs = require('fs');\napp.get('/', async (req, res) => {\n  res.send(fs.readFileSync('index.html', 'utf8'));\n});",
      filename: 'script.js',
      errors: [
        blocking('fs.readFileSync', 'an async function', awaitReadFile, [
          useAwait('readFile', "const fs = require('fs');\nconst { readFile } = require('node:fs/promises');\napp.get('/', async (req, res) => {\n  res.send(await readFile('index.html', 'utf8'));\n});"),
        ]),
      ],
    },
  ],
  typeAwareOnly: [
    {
      // The checker sees that the parameter is the fs module.
      code: "async function load(fs: typeof import('fs'), p: string) {\n  return fs.readFileSync(p);\n}",
      errors: [
        blocking('fs.readFileSync', inLoad, awaitReadFile, [
          useAwait('readFile', "import { readFile } from 'node:fs/promises';\nasync function load(fs: typeof import('fs'), p: string) {\n  return await readFile(p);\n}"),
        ]),
      ],
    },
    {
      // A property holding the module.
      code: "import * as fs from 'fs';\nclass Repo {\n  constructor(private readonly io: typeof fs) {}\n  async read(p: string) {\n    return this.io.readFileSync(p);\n  }\n}",
      errors: [
        blocking('fs.readFileSync', "async function 'read'", awaitReadFile, [
          useAwait('readFile', "import * as fs from 'fs';\nimport { readFile } from 'node:fs/promises';\nclass Repo {\n  constructor(private readonly io: typeof fs) {}\n  async read(p: string) {\n    return await readFile(p);\n  }\n}"),
        ]),
      ],
    },
  ],
});
