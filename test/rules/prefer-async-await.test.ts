import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { preferAsyncAwait, type MessageIds, type Options } from '../../rules/prefer-async-await';
import { runInBothModes } from './rule-tester';

type Error = InvalidTestCase<MessageIds, Options>['errors'][number];

function convertible(callee: string, line: number, output: string, note = ''): Error {
  return {
    messageId: 'preferAwait',
    data: { callee },
    line,
    suggestions: [{ messageId: 'convertToAwait', data: { note }, output }],
  };
}

const TYPED_NOTE = (callee: string): string => ` (relies on the declared type of \`${callee}\`: it calls back once, error first)`;

function chainConvertible(method: string, line: number, output: string): Error {
  return {
    messageId: 'preferAwaitOverThen',
    data: { method },
    line,
    suggestions: [{ messageId: 'convertToAwait', data: { note: '' }, output }],
  };
}

function promiseFunction(name: string, line: number, output: string, note: string): Error {
  return {
    messageId: 'preferPromiseFunction',
    data: { name },
    line,
    suggestions: [{ messageId: 'convertToAwait', data: { note }, output }],
  };
}

runInBothModes('prefer-async-await', preferAsyncAwait, {
  valid: [
    // Precision (callback-era corpora): the callback ignores the unlink error on purpose; converted, it would reject in
    // `cleanup`, which nobody awaits, and `done` would never run.
    { filename: 'script.js', code: "const fs = require('fs');\nfunction cleanup(p, done) {\n  fs.unlink(p, () => {\n    done();\n  });\n}\ncleanup('x', () => {});" },
    // The same inside a callback that stays a callback: the close error was ignored, the rejection would be dropped.
    { filename: 'script.js', code: "const fs = require('fs');\nfs.open('a', 'w', (err, fd) => {\n  if (err) return console.error(err);\n  fs.close(fd, () => {\n    console.log('closed');\n  });\n});" },
    // TypeScript's CommonJS output for `await import('fs')`: generated code, its source already awaits.
    { filename: 'script.js', code: "var __importStar = (m) => m;\nasync function load() {\n  const fs = await Promise.resolve().then(() => __importStar(require('fs')));\n  return fs;\n}\nload();" },
    { filename: 'script.js', code: "async function load() {\n  const m = await Promise.resolve().then(() => require('./m.js'));\n  return m;\n}\nload();" },
    // `.then(this.scale)`: the method uses `this`, which the chain leaves undefined and `this.scale(v)` would bind.
    "class Reader {\n  factor = 2;\n  private scale(n: number) {\n    return n * this.factor;\n  }\n  size(p: Promise<number>) {\n    return p.then(this.scale);\n  }\n}",
    // An awaited chain after a property read of its statement: the read would move after the wait.
    "declare const view: { show(n: number): string };\nasync function f(p: Promise<number>) {\n  return view.show(await p.then((n) => n + 1));\n}",
    // A type argument on a link whose value is dropped: no variable to annotate.
    "function f() {\n  Promise.resolve(1).then<void>((n) => {\n    console.log(n);\n  });\n}\nf();",
    // `T` is a promise type and the value must be awaited: `const result: Promise<number> = await …` would not type-check.
    "function f(p: Promise<number>) {\n  return p.then<Promise<number>>((n) => Promise.resolve(n));\n}\nf(Promise.resolve(1));",
    // Type arguments on two links: refused rather than guessed.
    "function f() {\n  return Promise.resolve(1).then<number>((n) => n + 1).then<string>((n) => String(n));\n}\nf();",
    // `err ? data : 0`: the result read on the error side, where it has no value: not split.
    { filename: 'script.js', code: "const fs = require('fs');\nfunction f(p) {\n  fs.readFile(p, (err, data) => {\n    console.log(err ? data : 0);\n  });\n}\nf('x');" },
    // `err?.code` may be read on success: not an error-only callback.
    { filename: 'script.js', code: "const fs = require('fs');\nfunction f(p) {\n  fs.readFile(p, (err) => console.log(err?.code));\n}\nf('x');" },
    // Three statements would be written twice: the split is for short bodies.
    { filename: 'script.js', code: "const fs = require('fs');\nfunction f(p) {\n  fs.access(p, (err) => {\n    console.log(1);\n    console.log(err ? 'a' : 'b');\n    console.log(3);\n  });\n}\nf('x');" },
    // Code after the call would now run after the file is read.
    "import fs from 'fs';\nfunction f() {\n  fs.readFile('a', (err, data) => {\n    if (err) throw err;\n    console.log(data);\n  });\n  console.log('after');\n}\nf();",
    // Iterations would become sequential: the loop does not already await.
    "import fs from 'fs';\nfunction f(names: string[]) {\n  for (const name of names) {\n    fs.unlink(name, (err) => {\n      if (err) throw err;\n    });\n  }\n}\nf([]);",
    // The only `await` is in a nested function: the loop itself does not wait.
    { filename: 'script.js', code: "const fs = require('fs');\nasync function f(names) {\n  for (const name of names) {\n    names.forEach(async () => {\n      await Promise.resolve();\n    });\n    fs.unlink(name, (err) => {\n      if (err) throw err;\n    });\n  }\n}\nf([]);" },
    // The `await` is in a branch: some iterations do not wait.
    { filename: 'script.js', code: "const fs = require('fs');\nasync function f(names) {\n  for (const name of names) {\n    if (name) await Promise.resolve();\n    fs.unlink(name, (err) => {\n      if (err) throw err;\n    });\n  }\n}\nf([]);" },
    // The loop awaits, but code after the loop would now run after the last callback.
    { filename: 'script.js', code: "const fs = require('fs');\nasync function f(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.unlink(name, (err) => {\n      if (err) throw err;\n    });\n  }\n  console.log('done');\n}\nf([]);" },
    // The loop awaits, but code after the call in the same iteration would now run later.
    { filename: 'script.js', code: "const fs = require('fs');\nasync function f(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.unlink(name, (err) => {\n      if (err) throw err;\n    });\n    console.log('started', name);\n  }\n}\nf([]);" },
    // In a loop, the callback's `return` becomes `continue`; inside the callback's own loop it would continue that one.
    { filename: 'script.js', code: "const fs = require('fs');\nasync function f(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.readFile(name, 'utf8', (err, text) => {\n      if (err) throw err;\n      for (const line of text.split('\\n')) {\n        if (line) return;\n      }\n    });\n  }\n}\nf([]);" },
    // A `var` of the callback would be shared by every iteration once moved into the loop.
    { filename: 'script.js', code: "const fs = require('fs');\nconst printers = [];\nasync function f(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.readFile(name, 'utf8', (err, text) => {\n      if (err) throw err;\n      var size = text.length;\n      printers.push(() => console.log(name, size));\n    });\n  }\n}\nf([]);" },
    // A labeled loop: a label of the callback could clash with it.
    { filename: 'script.js', code: "const fs = require('fs');\nasync function f(names) {\n  outer: for (const name of names) {\n    await Promise.resolve();\n    fs.readFile(name, 'utf8', (err, text) => {\n      if (err) throw err;\n      outer: for (const line of text.split('\\n')) {\n        if (line) break outer;\n      }\n    });\n  }\n}\nf([]);" },
    // A try block would start catching the callback's errors.
    "import fs from 'fs';\nfunction f() {\n  try {\n    fs.readFile('a', (err, data) => {\n      if (err) throw err;\n      console.log(data);\n    });\n  } catch {}\n}\nf();",
    // fs.read delivers (bytesRead, buffer): several values.
    "import fs from 'fs';\nfunction f(fd: number) {\n  fs.read(fd, Buffer.alloc(1), 0, 1, 0, (err, bytesRead, buffer) => {\n    if (err) throw err;\n    console.log(bytesRead, buffer);\n  });\n}\nf(0);",
    // A named callback may be called from elsewhere.
    "import fs from 'fs';\nfunction done(err: unknown, data: unknown) { console.log(err, data); }\nfunction f() {\n  fs.readFile('a', done);\n}\nf();",
    // `this` of a function callback.
    "import timers from 'timers';\nfunction f() {\n  timers.setTimeout(function () {\n    console.log(this);\n  }, 1);\n}\nf();",
    // `arguments` of a function callback.
    "import fs from 'fs';\nfunction f() {\n  fs.stat('a', function (err) {\n    if (err) throw err;\n    console.log(arguments.length);\n  });\n}\nf();",
    // The enclosing function's result is used, or it is exported.
    "import fs from 'fs';\nfunction f() {\n  fs.stat('a', (err, s) => {\n    if (err) throw err;\n    console.log(s);\n  });\n}\nconst r = f();",
    "import fs from 'fs';\nexport function f() {\n  fs.stat('a', (err, s) => {\n    if (err) throw err;\n    console.log(s);\n  });\n}",
    "import fs from 'fs';\nfunction f() {\n  fs.stat('a', (err, s) => {\n    if (err) throw err;\n    console.log(s);\n  });\n}\ntry { f(); } catch {}",
    // Top-level code is not inside a function.
    "import fs from 'fs';\nfs.readFile('a', (err, data) => {\n  if (err) throw err;\n  console.log(data);\n});",
    // The timer handle is used.
    "function f() {\n  const t = setTimeout(() => {\n    console.log('x');\n  }, 5);\n  console.log(t);\n}\nf();",
    // Unknown callee: it may call back twice or never.
    "function twice(cb: (err: Error | null, v?: number) => void) { cb(null, 1); cb(null, 2); }\nfunction f() {\n  twice((err, v) => {\n    if (err) throw err;\n    console.log(v);\n  });\n}\nf();",
    // Not error-first: fs.exists, setInterval, events.
    "import fs from 'fs';\nfunction f() {\n  fs.exists('a', (exists) => {\n    console.log(exists);\n  });\n}\nf();",
    "function f() {\n  setInterval(() => {\n    console.log('tick');\n  }, 5);\n}\nf();",
    "import { EventEmitter } from 'events';\nfunction f(e: EventEmitter) {\n  e.on('error', (err) => {\n    console.log(err);\n  });\n}\nf(new EventEmitter());",
    // dns.lookup with `all` resolves to an array, not { address, family }.
    "import dns from 'dns';\nfunction f() {\n  dns.lookup('localhost', { all: true }, (err, addresses) => {\n    if (err) throw err;\n    console.log(addresses);\n  });\n}\nf();",
    // The error is used before it is checked, or the error branch falls through.
    "import fs from 'fs';\nfunction f() {\n  fs.readFile('a', (err, data) => {\n    console.log(err);\n    if (err) return;\n    console.log(data);\n  });\n}\nf();",
    "import fs from 'fs';\nfunction f() {\n  fs.readFile('a', (err, data) => {\n    if (err) console.log(err);\n    console.log(data);\n  });\n}\nf();",
    // The handler reads the results, which a rejection does not carry.
    "import { generateKeyPair } from 'crypto';\nfunction f() {\n  generateKeyPair('ed25519', (err, publicKey) => {\n    if (err) {\n      console.log(publicKey);\n      return;\n    }\n    console.log(publicKey);\n  });\n}\nf();",
    // Methods and generators cannot simply become async.
    "import fs from 'fs';\nclass A {\n  load() {\n    fs.readFile('a', (err, data) => {\n      if (err) throw err;\n      console.log(data);\n    });\n  }\n}\nnew A().load();",
    "import fs from 'fs';\nfunction* g() {\n  fs.readFile('a', (err, data) => {\n    if (err) throw err;\n    console.log(data);\n  });\n}\ng();",
    // A declared non-void return type.
    "import fs from 'fs';\nfunction f(): number {\n  fs.readFile('a', (err, data) => {\n    if (err) throw err;\n    console.log(data);\n  });\n  return 1;\n}\nf();",
    // `await p.catch(fallback)` alone is the short form: the rule does not ask for try/catch (the whole-file conversion still rewrites it).
    "declare function load(): Promise<string>;\nasync function f() {\n  const text = await load().catch(() => '');\n  console.log(text);\n}",
    // Chains: two handlers, a code path after, a promise library, a non-function handler.
    "function f(p: Promise<number>) {\n  p.then((v) => console.log(v), (e) => console.log(e));\n}\nf(Promise.resolve(1));",
    "function f(p: Promise<number>) {\n  p.then((v) => console.log(v));\n  console.log('first');\n}\nf(Promise.resolve(1));",
    "import Bluebird from 'bluebird';\nfunction f(p: Bluebird<number>) {\n  return p.then((v) => v + 1);\n}",
    // A handler that may be undefined (`.then(undefined)` passes the value through), even with types.
    "function f(p: Promise<number>, handler?: (v: number) => void) {\n  p.then(handler);\n}\nf(Promise.resolve(1), console.log);",
    // A function that throws before returning the chain would reject instead.
    "function f(p: Promise<number> | undefined) {\n  if (!p) throw new Error('no promise');\n  return p.then((v) => v + 1);\n}",
    // A handler that returns early from the middle of a .then that is not the last one.
    "function f(p: Promise<number>) {\n  return p.then((v) => {\n    if (v > 1) return 'big';\n    return 'small';\n  }).then((size) => size.length);\n}",
    // Falling off the end returned `undefined`, not a promise.
    "declare function load(): Promise<string>;\nfunction h(fresh: boolean) {\n  if (fresh) return load().then((text) => text);\n  console.log('stale');\n}",
    // A same-file function that may call back synchronously: awaiting would reorder its caller.
    "import fs from 'fs';\nfunction check(p: string, cb: (err: Error | null, v?: fs.Stats) => void) {\n  if (!p) return cb(new Error('empty'));\n  fs.stat(p, (err, s) => cb(err, s));\n}\nfunction f() {\n  check('a', (err, v) => {\n    if (err) throw err;\n    console.log(v);\n  });\n}\nf();",
    // A path that never calls back: as a promise it would resolve instead of waiting forever.
    "const { promisify } = require('util');\nasync function f(x: number, cb: (err: Error | null, v?: number) => void) {\n  if (x > 1) return;\n  await null;\n  cb(null, x);\n}\nasync function main() {\n  console.log(await promisify(f)(1));\n}\nmain();",
    // A method returning the chain of a promise of unknown origin: callers may rely on a library's promise methods.
    "interface Cancellable<T> extends PromiseLike<T> { catch(f: () => null): Cancellable<T | null>; cancel(): void }\nclass Store {\n  constructor(private db: { get(key: string): Cancellable<string> }) {}\n  get(key: string) {\n    return this.db.get(key).catch(() => null);\n  }\n}",
    // Declared types that do not allow promisify: two results, a first parameter that is no error, an `any` error.
    "import { range } from 'user-store';\nfunction f() {\n  range((err, first, last) => {\n    if (err) throw err;\n    console.log(first, last);\n  });\n}\nf();",
    "import { watch } from 'user-store';\nfunction f() {\n  watch((e, value) => {\n    if (e) throw new Error(e);\n    console.log(value);\n  });\n}\nf();",
    "declare function loose(cb: (err: any, v?: number) => void): void;\nfunction f() {\n  loose((err, v) => {\n    if (err) throw err;\n    console.log(v);\n  });\n}\nf();",
    // The result, declared `Account | undefined`, would need a type annotation naming `Account`, which is not imported.
    "import { load } from 'user-store';\nfunction show(id: string) {\n  load(id, (err, account) => {\n    if (err) {\n      console.log(err.message);\n      return;\n    }\n    console.log(account);\n  });\n}\nshow('1');",
    // The object of a method call would be evaluated twice by `promisify(o.m.bind(o))`.
    "declare class Store {\n  get(key: string, cb: (err: Error | null, v?: string) => void): void;\n}\ndeclare function getStore(): Store;\nfunction f() {\n  getStore().get('a', (err, v) => {\n    if (err) throw err;\n    console.log(v);\n  });\n}\nf();",
    // A `util.promisify.custom` implementation would replace the callback form.
    "declare function legacy(cb: (err: Error | null, v?: number) => void): void;\ndeclare namespace legacy {\n  function __promisify__(): Promise<string>;\n}\nfunction f() {\n  legacy((err, v) => {\n    if (err) throw err;\n    console.log(v);\n  });\n}\nf();",
    // An implementation in another file of the program that calls back synchronously on one path.
    "import { lookUpNow } from './prefer-async-await-impl';\nfunction f() {\n  lookUpNow('a', (err, name) => {\n    if (err) throw err;\n    console.log(name);\n  });\n}\nf();",
    // A callee that is neither a name nor a property access.
    "declare function fetchUser(id: string, cb: (err: Error | null, user?: string) => void): void;\nfunction f() {\n  (0, fetchUser)('a', (err, user) => {\n    if (err) throw err;\n    console.log(user);\n  });\n}\nf();",
    // A declared generic: promisify would resolve to `unknown`.
    "declare function get<T>(key: string, cb: (err: Error | null, v?: T) => void): void;\nfunction f() {\n  get<number>('a', (err, v) => {\n    if (err) throw err;\n    console.log(v);\n  });\n}\nf();",
    // A method whose body is in the file calls back synchronously: its body, not its type, decides.
    "class Cache {\n  get(key: string, cb: (err: Error | null, v?: string) => void): void {\n    cb(null, key);\n  }\n}\nfunction f(cache: Cache) {\n  cache.get('a', (err, v) => {\n    if (err) throw err;\n    console.log(v);\n  });\n  }\nf(new Cache());",
    // Returns a value besides calling back: not a plain callback API.
    "declare function request(url: string, cb: (err: Error | null, body?: string) => void): { abort(): void };\nfunction f() {\n  request('u', (err, body) => {\n    if (err) throw err;\n    console.log(body);\n  });\n}\nf();",
    // Already promise-based.
    "import { readFile } from 'fs/promises';\nasync function f() {\n  const data = await readFile('a');\n  console.log(data);\n}\nf();",
  ],
  invalid: [
    // Precision: a `Promise.resolve().then(…)` that is not a compiled import is still reported.
    {
      filename: 'script.js',
      code: "async function f() {\n  const v = await Promise.resolve().then(() => compute());\n  return v;\n}\nf();\n",
      errors: [chainConvertible('then', 2, "async function f() {\n  await Promise.resolve();\n  const v = await compute();\n  return v;\n}\nf();\n")],
    },
    // Precision: an ignored error in a function that is async already is still reported, with the note.
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nasync function cleanup(p) {\n  fs.unlink(p, () => {\n    console.log('removed');\n  });\n}\ncleanup('x');\n",
      errors: [
        convertible('fs.unlink', 3, "const fs = require('fs');\nconst { unlink } = require('node:fs/promises');\nasync function cleanup(p) {\n  await unlink(p);\n  console.log('removed');\n}\ncleanup('x');\n", ' (the error of `fs.unlink`, unchecked before, now rejects)'),
      ],
    },
    // `return await chain` with code after it: flattened, it ends with `return;` so that it does not fall through.
    {
      code: "declare function load(): Promise<string>;\nasync function f(c: boolean) {\n  if (c) return await load().then((t) => {\n    console.log(t);\n  });\n  console.log('other');\n}",
      errors: [
        chainConvertible("then", 3, "declare function load(): Promise<string>;\nasync function f(c: boolean) {\n  if (c) {\n    const t = await load();\n    console.log(t);\n    return;\n  }\n  console.log('other');\n}"),
      ],
    },
    // A longer chain keeps its inner part as the base, awaited in place (it converts in turn).
    {
      code: "function f(p: Promise<number>) {\n  p.catch(() => 0).catch(() => 1).then((v) => console.log(v));\n}\nf(Promise.resolve(1));",
      errors: [
        chainConvertible("then", 2, "async function f(p: Promise<number>) {\n  let v;\n  try {\n    v = await p.catch(() => 0);\n  } catch {\n    v = 1;\n  }\n  console.log(v);\n}\nf(Promise.resolve(1));"),
      ],
    },
    // `return await chain` inside a `try`: every return stays awaited, so the `try` still sees the rejections.
    {
      code: "declare function load(): Promise<string>;\nasync function f() {\n  try {\n    return await load().then((text) => text.trim()).catch(() => '');\n  } finally {\n    console.log('done');\n  }\n}",
      errors: [
        chainConvertible("catch", 4, "declare function load(): Promise<string>;\nasync function f() {\n  try {\n    try {\n      const text = await load();\n      return await text.trim();\n    } catch {\n      return '';\n    }\n  } finally {\n    console.log('done');\n  }\n}"),
      ],
    },
    // A variable written once with a native promise is a native promise where it is chained.
    {
      code: "declare function load(): Promise<string>;\nfunction f() {\n  const pending = load().then((text) => text.trim());\n  return pending.catch(() => '');\n}",
      errors: [
        chainConvertible("catch", 4, "declare function load(): Promise<string>;\nasync function f() {\n  const pending = load().then((text) => text.trim());\n  try {\n    return await pending;\n  } catch {\n    return '';\n  }\n}"),
      ],
    },
    // `.then(this.#parse)`: private methods (and arrow fields) that use no `this` are called as `this.#parse(value)`.
    {
      code: "class Reader {\n  #parse(text: string) {\n    return text.length;\n  }\n  private twice = (n: number) => n * 2;\n  size(p: Promise<string>) {\n    return p.then(this.#parse).then(this.twice);\n  }\n}",
      errors: [
        chainConvertible("then", 7, "class Reader {\n  #parse(text: string) {\n    return text.length;\n  }\n  private twice = (n: number) => n * 2;\n  async size(p: Promise<string>) {\n    return this.twice(await this.#parse(await p));\n  }\n}"),
      ],
    },
    // An awaited chain evaluated first in its statement gets a statement of its own (then converts as awaited in place).
    {
      code: "declare function show(n: number): string;\nasync function f(p: Promise<number>) {\n  return show(await p.then((n) => n + 1));\n}",
      errors: [
        chainConvertible("then", 3, "declare function show(n: number): string;\nasync function f(p: Promise<number>) {\n  const result = await p.then((n) => n + 1);\n  return show(result);\n}"),
      ],
    },
    // A type argument fixes the chain's type: it stays, as the annotation of a variable holding the link's value.
    {
      code: "type Result = { ok: boolean; data?: string };\nfunction get(): Promise<Result> {\n  return Promise.resolve({ ok: true, data: 'x' }).catch<Result>(() => ({ ok: false }));\n}\nget();",
      errors: [
        chainConvertible('catch', 3, "type Result = { ok: boolean; data?: string };\nasync function get(): Promise<Result> {\n  try {\n    return await Promise.resolve({ ok: true, data: 'x' });\n  } catch {\n    const result: Result = { ok: false };\n    return result;\n  }\n}\nget();"),
      ],
    },
    {
      code: "type Parsed = { size: number };\nfunction parse(name: string) {\n  return Promise.resolve(name).then<Parsed>((text) => ({ size: text.length }));\n}\nparse('a');",
      errors: [
        chainConvertible('then', 3, "type Parsed = { size: number };\nasync function parse(name: string) {\n  const text = await Promise.resolve(name);\n  const result: Parsed = { size: text.length };\n  return result;\n}\nparse('a');"),
      ],
    },
    // The handler's value may be a promise of `T`: awaited before it is annotated.
    {
      code: "function reread(read: () => Promise<string>) {\n  return Promise.resolve(1).then<string>(() => read());\n}\nreread(() => Promise.resolve(''));",
      errors: [
        chainConvertible('then', 2, "async function reread(read: () => Promise<string>) {\n  await Promise.resolve(1);\n  const result: string = await read();\n  return result;\n}\nreread(() => Promise.resolve(''));"),
      ],
    },
    {
      code: "import fs from 'node:fs';\nfunction load(p: string) {\n  fs.readFile(p, 'utf8', (err, data) => {\n    if (err) throw err;\n    console.log(data);\n  });\n}\nload('x');",
      errors: [
        convertible("fs.readFile", 3, "import fs from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nasync function load(p: string) {\n  const data = await readFile(p, 'utf8');\n  console.log(data);\n}\nload('x');"),
      ],
    },
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nfunction load(p) {\n  fs.readFile(p, (err, data) => {\n    if (err) {\n      console.error(err);\n      return;\n    }\n    console.log(data);\n  });\n}\nload('x');",
      errors: [
        convertible("fs.readFile", 3, "const fs = require('fs');\nconst { readFile } = require('node:fs/promises');\nasync function load(p) {\n  let data;\n  try {\n    data = await readFile(p);\n  } catch (err) {\n    console.error(err);\n    return;\n  }\n  console.log(data);\n}\nload('x');"),
      ],
    },
    {
      // `err ? A : B`: the body written twice, the error side in the catch.
      filename: 'script.js',
      code: "const fs = require('fs');\nfunction show(p) {\n  fs.readFile(p, 'utf8', (err, data) => {\n    console.log('read:', err ? err.code : data.length);\n  });\n}\nshow('x');",
      errors: [
        convertible("fs.readFile", 3, "const fs = require('fs');\nconst { readFile } = require('node:fs/promises');\nasync function show(p) {\n  let data;\n  try {\n    data = await readFile(p, 'utf8');\n  } catch (err) {\n    console.log('read:', err.code);\n    return;\n  }\n  console.log('read:', data.length);\n}\nshow('x');"),
      ],
    },
    {
      // An arrow's expression body, the same split.
      filename: 'script.js',
      code: "const fs = require('fs');\nfunction show(p) {\n  fs.access(p, (err) => console.log(err ? 'missing' : 'there'));\n}\nshow('x');",
      errors: [
        convertible("fs.access", 3, "const fs = require('fs');\nconst { access } = require('node:fs/promises');\nasync function show(p) {\n  try {\n    await access(p);\n  } catch (err) {\n    console.log('missing');\n    return;\n  }\n  console.log('there');\n}\nshow('x');"),
      ],
    },
    {
      // `err.code` read before any check: the callback expects the error, so it becomes the catch block (the note says what changes on success).
      filename: 'script.js',
      code: "const fs = require('fs');\nfunction show(p) {\n  fs.readFile(p, (err) => console.log('missing:', err.code));\n}\nshow('x');",
      errors: [
        convertible(
          "fs.readFile",
          3,
          "const fs = require('fs');\nconst { readFile } = require('node:fs/promises');\nasync function show(p) {\n  try {\n    await readFile(p);\n  } catch (err) {\n    console.log('missing:', err.code);\n  }\n}\nshow('x');",
          " (the callback of `fs.readFile` read `err` unchecked, expecting an error: it is the `catch` block now (had the call succeeded, it threw a TypeError; now nothing runs))",
        ),
      ],
    },
    {
      filename: 'script.js',
      code: "const { exec } = require('child_process');\nfunction run() {\n  exec('ls', (err, stdout) => {\n    if (err) throw err;\n    console.log(stdout);\n  });\n}\nrun();",
      errors: [
        convertible("exec", 3, "const { exec } = require('child_process');\nconst { promisify } = require('node:util');\nasync function run() {\n  const { stdout } = await promisify(exec)('ls');\n  console.log(stdout);\n}\nrun();"),
      ],
    },
    {
      code: "import { writeFile } from 'fs';\nasync function save() {\n  writeFile('a', 'b', () => {\n    console.log('done');\n  });\n}\nsave();",
      errors: [
        convertible("writeFile", 3, "import { writeFile } from 'fs';\nimport { writeFile as writeFileAsync } from 'node:fs/promises';\nasync function save() {\n  await writeFileAsync('a', 'b');\n  console.log('done');\n}\nsave();", " (the error of `writeFile`, unchecked before, now rejects)"),
      ],
    },
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nconst dns = require('dns');\nfunction go(cb) {\n  fs.readFile('a', 'utf8', (err, name) => {\n    if (err) return cb(err);\n    dns.lookup(name, (err, address, family) => {\n      if (err) return cb(err);\n      cb(null, address, family);\n    });\n  });\n}\ngo(console.log);",
      errors: [
        convertible("fs.readFile", 4, "const fs = require('fs');\nconst dns = require('dns');\nconst { readFile } = require('node:fs/promises');\nconst { lookup } = require('node:dns/promises');\nasync function go(cb) {\n  let name;\n  try {\n    name = await readFile('a', 'utf8');\n  } catch (err) {\n    return cb(err);\n  }\n  let address, family;\n  try {\n    ({ address, family } = await lookup(name));\n  } catch (err) {\n    return cb(err);\n  }\n  cb(null, address, family);\n}\ngo(console.log);"),
      ],
    },
    {
      code: "import fs from 'fs';\nfunction main() {\n  setTimeout(() => {\n    console.log('later');\n  }, 100);\n}\nmain();",
      errors: [
        convertible("setTimeout", 3, "import fs from 'fs';\nimport { setTimeout as setTimeoutAsync } from 'node:timers/promises';\nasync function main() {\n  await setTimeoutAsync(100);\n  console.log('later');\n}\nmain();"),
      ],
    },
    {
      filename: 'script.js',
      code: "const zlib = require('zlib');\nconst util = require('util');\nfunction pack(buf) {\n  zlib.gzip(buf, (err, out) => {\n    if (err) throw err;\n    console.log(out.length);\n  });\n}\npack('x');",
      errors: [
        convertible("zlib.gzip", 4, "const zlib = require('zlib');\nconst util = require('util');\nasync function pack(buf) {\n  const out = await util.promisify(zlib.gzip)(buf);\n  console.log(out.length);\n}\npack('x');"),
      ],
    },
    {
      code: "import fs from 'fs';\nfunction show(data: string) {\n  console.log(data);\n  fs.readFile('a', 'utf8', (err, data) => {\n    if (err) throw err;\n    console.log({ data });\n  });\n}\nshow('x');",
      errors: [
        convertible("fs.readFile", 4, "import fs from 'fs';\nimport { readFile } from 'node:fs/promises';\nasync function show(data: string) {\n  console.log(data);\n  const data2 = await readFile('a', 'utf8');\n  console.log({ data: data2 });\n}\nshow('x');"),
      ],
    },
    {
      code: "import fs from 'fs';\nfunction copy(): void {\n  fs.readFile('a', (err, data) => {\n    if (err) {\n      console.log('missing');\n    } else {\n      fs.writeFile('b', data, (err) => {\n        if (err) throw err;\n        console.log('copied');\n      });\n    }\n  });\n}\ncopy();",
      errors: [
        convertible("fs.readFile", 3, "import fs from 'fs';\nimport { readFile, writeFile } from 'node:fs/promises';\nasync function copy(): Promise<void> {\n  let data;\n  try {\n    data = await readFile('a');\n  } catch (err) {\n    console.log('missing');\n    return;\n  }\n  await writeFile('b', data);\n  console.log('copied');\n}\ncopy();"),
      ],
    },
    {
      filename: 'script.js',
      code: "const http = require('http');\nconst fs = require('fs');\nhttp.createServer((req, res) => {\n  // serve the page\n  fs.readFile('index.html', (err, page) => {\n    if (err) throw err; // crash on purpose\n    res.end(page);\n  });\n}).listen(8080);",
      errors: [
        convertible("fs.readFile", 5, "const http = require('http');\nconst fs = require('fs');\nconst { readFile } = require('node:fs/promises');\nhttp.createServer(async (req, res) => {\n  // serve the page\n  const page = await readFile('index.html');\n  // crash on purpose\n  res.end(page);\n}).listen(8080);"),
      ],
    },
    {
      code: "function load(url: string) {\n  return fetch(url)\n    .then((response) => response.json())\n    .then((data) => {\n      console.log(data);\n      return data;\n    });\n}",
      errors: [
        chainConvertible("then", 2, "async function load(url: string) {\n  const response = await fetch(url);\n  const data = await response.json();\n  console.log(data);\n  return data;\n}"),
      ],
    },
    {
      code: "async function main(p: Promise<number>) {\n  p.then((n) => console.log(n)).catch((error) => {\n    console.error(error);\n  }).finally(() => console.log('done'));\n}\nmain(Promise.resolve(1));",
      errors: [
        chainConvertible("finally", 2, "async function main(p: Promise<number>) {\n  try {\n    const n = await p;\n    console.log(n);\n  } catch (error: any) {\n    console.error(error);\n  } finally {\n    console.log('done');\n  }\n}\nmain(Promise.resolve(1));"),
      ],
    },
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nconst { promisify } = require('util');\nfunction size(p, done) {\n  fs.stat(p, (err, stats) => done(err, stats && stats.size));\n}\nfunction main() {\n  size('a', (err, bytes) => {\n    if (err) throw err;\n    console.log(bytes);\n  });\n}\nmain();",
      errors: [
        convertible("size", 7, "const fs = require('fs');\nconst { promisify } = require('util');\nfunction size(p, done) {\n  fs.stat(p, (err, stats) => done(err, stats && stats.size));\n}\nasync function main() {\n  const bytes = await promisify(size)('a');\n  console.log(bytes);\n}\nmain();"),
      ],
    },
    {
      code: "import { exec } from 'child_process';\nfunction f() {\n  exec('ls', (err, stdout, stderr) => {\n    if (err) {\n      console.log({ stderr });\n      return;\n    }\n    console.log(stdout);\n  });\n}\nf();",
      errors: [
        convertible("exec", 3, "import { exec } from 'child_process';\nimport { promisify } from 'node:util';\nasync function f() {\n  let stdout;\n  try {\n    ({ stdout } = await promisify(exec)('ls'));\n  } catch (err: any) {\n    console.log({ stderr: err.stderr });\n    return;\n  }\n  console.log(stdout);\n}\nf();"),
      ],
    },
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nconst { readFile } = require('fs/promises');\nconst { promisify } = require('util');\nasync function size(p, cb) {\n  let text;\n  try {\n    text = await readFile(p, 'utf8');\n  } catch (err) {\n    return cb(err);\n  }\n  cb(null, text.length);\n}\nasync function main() {\n  const n = await promisify(size)('a');\n  console.log(n);\n}\nmain();",
      errors: [
        promiseFunction("size", 4, "const fs = require('fs');\nconst { readFile } = require('fs/promises');\nasync function size(p) {\n  const text = await readFile(p, 'utf8');\n  return text.length;\n}\nasync function main() {\n  const n = await size('a');\n  console.log(n);\n}\nmain();", " (an exception thrown inside `size` now rejects to its callers instead of ending the process)"),
      ],
    },
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nfunction load(name, cb) {\n  if (!name) return fs.readFile('default', (err, data) => {\n    if (err) return cb(err);\n    cb(null, data);\n  });\n  cb(null, name);\n}\nload('', console.log);",
      errors: [
        convertible("fs.readFile", 3, "const fs = require('fs');\nconst { readFile } = require('node:fs/promises');\nasync function load(name, cb) {\n  if (!name) {\n    let data;\n    try {\n      data = await readFile('default');\n    } catch (err) {\n      return cb(err);\n    }\n    cb(null, data);\n    return;\n  }\n  cb(null, name);\n}\nload('', console.log);"),
      ],
    },
    // The last handler's early returns become the function's own (nothing wraps them).
    {
      code: "function f(p: Promise<number>) {\n  return p.then((v) => {\n    if (v > 1) return 'big';\n    return 'small';\n  });\n}",
      errors: [
        chainConvertible("then", 2, "async function f(p: Promise<number>) {\n  const v = await p;\n  if (v > 1) return 'big';\n  return 'small';\n}"),
      ],
    },
    // A function declared to return `Promise<…>`: its callers, type-checked, cannot tell a native promise from another.
    {
      code: "declare function load(): Promise<number>;\nfunction f(): Promise<number | void> {\n    return load().then(undefined, (reason) => console.log('failed', reason));\n}",
      errors: [
        chainConvertible("then", 3, "declare function load(): Promise<number>;\nasync function f(): Promise<number | void> {\n    try {\n        return await load();\n    } catch (reason: any) {\n        return console.log('failed', reason);\n    }\n}"),
      ],
    },
    // A handler value that is not a promise is not awaited, but still evaluated.
    {
      code: "declare function load(): Promise<string>;\nfunction f(): Promise<void> {\n  return load().then(() => console.log('loaded')).then(() => console.log('shown'));\n}",
      errors: [
        chainConvertible("then", 3, "declare function load(): Promise<string>;\nasync function f(): Promise<void> {\n  await load();\n  console.log('loaded');\n  return console.log('shown');\n}"),
      ],
    },
    // Destructuring handlers become destructuring declarations, renamed on a clash.
    {
      code: "declare function a(): Promise<number>;\nfunction sum() {\n  const first = 1;\n  return Promise.all([a(), a()]).then(([first, second]) => first + second);\n}\nfunction size(p: Promise<{ size: number }>) {\n  const size = 0;\n  return p.then(({ size }) => size + 1);\n}",
      errors: [
        chainConvertible("then", 4, "declare function a(): Promise<number>;\nasync function sum() {\n  const first = 1;\n  const [first2, second] = await Promise.all([a(), a()]);\n  return first2 + second;\n}\nfunction size(p: Promise<{ size: number }>) {\n  const size = 0;\n  return p.then(({ size }) => size + 1);\n}"),
        chainConvertible("then", 8, "declare function a(): Promise<number>;\nfunction sum() {\n  const first = 1;\n  return Promise.all([a(), a()]).then(([first, second]) => first + second);\n}\nasync function size(p: Promise<{ size: number }>) {\n  const size = 0;\n  const { size: size2 } = await p;\n  return size2 + 1;\n}"),
      ],
    },
    // Links without a handler pass the value through; a named `.catch` handler is called with the caught error; a destructuring one destructures it.
    {
      code: "declare function load(): Promise<string>;\ndeclare function report(error: unknown): void;\nfunction f() {\n  return load().then(undefined).catch(report).finally();\n}\nfunction g() {\n  return load().catch(({ message }) => message);\n}",
      errors: [
        chainConvertible("finally", 4, "declare function load(): Promise<string>;\ndeclare function report(error: unknown): void;\nasync function f() {\n  try {\n    return await load();\n  } catch (error2: any) {\n    return report(error2);\n  }\n}\nfunction g() {\n  return load().catch(({ message }) => message);\n}"),
        chainConvertible("catch", 7, "declare function load(): Promise<string>;\ndeclare function report(error: unknown): void;\nfunction f() {\n  return load().then(undefined).catch(report).finally();\n}\nasync function g() {\n  try {\n    return await load();\n  } catch ({ message }: any) {\n    return message;\n  }\n}"),
      ],
    },
    // Other returns of native promises may stay; a returned chain with code after it ends with `return;`.
    {
      code: "declare function load(): Promise<string>;\nfunction f(cached?: string) {\n  if (cached !== undefined) return Promise.resolve(cached);\n  return load().then((text) => text.trim());\n}\nfunction g(fresh: boolean) {\n  if (fresh) return load().then((text) => {\n    console.log(text);\n  });\n  return Promise.resolve();\n}\nfunction h(fresh: boolean) {\n  if (fresh) return load().then((text) => text);\n  console.log('stale');\n}",
      errors: [
        chainConvertible("then", 4, "declare function load(): Promise<string>;\nasync function f(cached?: string) {\n  if (cached !== undefined) return Promise.resolve(cached);\n  const text = await load();\n  return text.trim();\n}\nfunction g(fresh: boolean) {\n  if (fresh) return load().then((text) => {\n    console.log(text);\n  });\n  return Promise.resolve();\n}\nfunction h(fresh: boolean) {\n  if (fresh) return load().then((text) => text);\n  console.log('stale');\n}"),
        chainConvertible("then", 7, "declare function load(): Promise<string>;\nfunction f(cached?: string) {\n  if (cached !== undefined) return Promise.resolve(cached);\n  return load().then((text) => text.trim());\n}\nasync function g(fresh: boolean) {\n  if (fresh) {\n    const text = await load();\n    console.log(text);\n    return;\n  }\n  return Promise.resolve();\n}\nfunction h(fresh: boolean) {\n  if (fresh) return load().then((text) => text);\n  console.log('stale');\n}"),
      ],
    },
    // `.then` after `.catch`: the value of either path, through a variable declared before the `try`.
    {
      code: "declare function load(): Promise<number>;\ndeclare function show(n: number): void;\nfunction f() {\n  return load().then((n) => n * 2).catch(() => 0).then(show);\n}",
      errors: [
        chainConvertible("then", 4, "declare function load(): Promise<number>;\ndeclare function show(n: number): void;\nasync function f() {\n  let result;\n  try {\n    const n = await load();\n    result = n * 2;\n  } catch {\n    result = 0;\n  }\n  return show(result);\n}"),
      ],
    },
    // `.then` after `.finally`, as a statement: its parameter is the variable.
    {
      filename: 'script.js',
      code: "function f() {\n  Promise.resolve('{}')\n    .then((text) => JSON.parse(text))\n    .finally(() => console.log('parsed'))\n    .then((value) => {\n      console.log(value);\n    });\n}\nf();",
      errors: [
        chainConvertible("then", 2, "async function f() {\n  let value;\n  try {\n    const text = await Promise.resolve('{}');\n    value = await JSON.parse(text);\n  } finally {\n    console.log('parsed');\n  }\n  console.log(value);\n}\nf();"),
      ],
    },
    // Chains awaited where they stand in an async function: code after them and loops around them do not matter.
    {
      code: "declare function load(): Promise<{ json(): Promise<number> }>;\nasync function f(names: string[]) {\n  for (const name of names) {\n    const size: number = await load().then((response) => response.json()).catch(() => name.length);\n    console.log(size);\n  }\n  await load().then((response) => console.log(response));\n  console.log('after');\n}",
      errors: [
        chainConvertible("catch", 4, "declare function load(): Promise<{ json(): Promise<number> }>;\nasync function f(names: string[]) {\n  for (const name of names) {\n    let size: number;\n    try {\n      const response2 = await load();\n      size = await response2.json();\n    } catch {\n      size = await name.length;\n    }\n    console.log(size);\n  }\n  await load().then((response) => console.log(response));\n  console.log('after');\n}"),
        chainConvertible("then", 7, "declare function load(): Promise<{ json(): Promise<number> }>;\nasync function f(names: string[]) {\n  for (const name of names) {\n    const size: number = await load().then((response) => response.json()).catch(() => name.length);\n    console.log(size);\n  }\n  const response2 = await load();\n  console.log(response2);\n  console.log('after');\n}"),
      ],
    },
    // `const { a } = await chain`: a destructuring declaration of the last value.
    {
      filename: 'script.js',
      code: "async function f(p) {\n  const { a } = await p.then((text) => JSON.parse(text));\n  return a;\n}\nf(Promise.resolve('{}'));",
      errors: [
        chainConvertible("then", 2, "async function f(p) {\n  const text = await p;\n  const { a } = await JSON.parse(text);\n  return a;\n}\nf(Promise.resolve('{}'));"),
      ],
    },
    // A handler whose value is an assignment hands on the assigned value, which may be a promise: awaited.
    {
      filename: 'script.js',
      code: "let cached;\nfunction f(load) {\n  return Promise.resolve().then(() => cached = load()).then((value) => value.length).catch(() => 0);\n}\nf(() => Promise.resolve('abc')).then(console.log);\n",
      errors: [
        chainConvertible("catch", 3, "let cached;\nasync function f(load) {\n  try {\n    await Promise.resolve();\n    const value = await (cached = load());\n    return await value.length;\n  } catch {\n    return 0;\n  }\n}\nf(() => Promise.resolve('abc')).then(console.log);\n"),
      ],
    },
    // Comments before a link go with the code of its handler.
    {
      filename: 'script.js',
      code: "function f(read) {\n  return read()\n    // parse it\n    .then((text) => JSON.parse(text))\n    /* keep the name */\n    .then((data) => data.name)\n    // on failure\n    .catch((err) => {\n      console.log(err);\n      return '';\n    })\n    // always\n    .finally(() => console.log('done'));\n}\nf(() => Promise.resolve('{\"name\":\"x\"}')).then(console.log);\n",
      errors: [
        chainConvertible("finally", 2, "async function f(read) {\n  try {\n    // parse it\n    const text = await read();\n    /* keep the name */\n    const data = await JSON.parse(text);\n    return await data.name;\n  } catch (err) {\n    // on failure\n    console.log(err);\n    return '';\n  } finally {\n    // always\n    console.log('done');\n  }\n}\nf(() => Promise.resolve('{\"name\":\"x\"}')).then(console.log);\n"),
      ],
    },
    // Loops that already await on every iteration: each iteration now also waits for the call; `return` → `continue`.
    {
      code: "import fs from 'fs';\ndeclare function pause(): Promise<void>;\nasync function sizes(names: string[]) {\n  for (const name of names) {\n    await pause();\n    fs.readFile(name, (err, data) => {\n      if (err) {\n        console.error(err.code);\n        return;\n      }\n      console.log(name, data.length);\n    });\n  }\n}\nsizes([]);",
      errors: [convertible("fs.readFile", 6, "import fs from 'fs';\nimport { readFile } from 'node:fs/promises';\ndeclare function pause(): Promise<void>;\nasync function sizes(names: string[]) {\n  for (const name of names) {\n    await pause();\n    let data;\n    try {\n      data = await readFile(name);\n    } catch (err: any) {\n      console.error(err.code);\n      continue;\n    }\n    console.log(name, data.length);\n  }\n}\nsizes([]);", " (the loop already awaits, so each iteration now also waits for `fs.readFile`)")],
    },
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nasync function drain(queue) {\n  let name;\n  while ((name = await queue.next())) {\n    fs.stat(name, (err, stats) => {\n      if (err) return console.log('missing', name);\n      console.log(name, stats.size);\n    });\n  }\n}\ndrain({ next: async () => undefined });",
      errors: [convertible("fs.stat", 5, "const fs = require('fs');\nconst { stat } = require('node:fs/promises');\nasync function drain(queue) {\n  let name;\n  while ((name = await queue.next())) {\n    let stats;\n    try {\n      stats = await stat(name);\n    } catch (err) {\n      console.log('missing', name);\n      continue;\n    }\n    console.log(name, stats.size);\n  }\n}\ndrain({ next: async () => undefined });", " (the loop already awaits, so each iteration now also waits for `fs.stat`)")],
    },
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nasync function copyAll(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.readFile(name, (err, data) => {\n      if (err) throw err;\n      fs.writeFile(name + '.bak', data, (err2) => {\n        if (err2) throw err2;\n        console.log('copied', name);\n      });\n    });\n  }\n}\ncopyAll([]);",
      errors: [convertible("fs.readFile", 5, "const fs = require('fs');\nconst { readFile, writeFile } = require('node:fs/promises');\nasync function copyAll(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    const data = await readFile(name);\n    await writeFile(name + '.bak', data);\n    console.log('copied', name);\n  }\n}\ncopyAll([]);", " (the loop already awaits, so each iteration now also waits for `fs.readFile`)")],
    },
    // `for await`; `break`/`continue` inside the callback belong to its own loop and stay.
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nasync function firstLines(names) {\n  for await (const name of names) {\n    fs.readFile(name, 'utf8', (err, text) => {\n      if (err) throw err;\n      for (const line of text.split('\\n')) {\n        if (line === '') continue;\n        console.log(line);\n        break;\n      }\n      if (text.length > 10) return;\n      console.log('short');\n    });\n  }\n}\nfirstLines([]);",
      errors: [convertible("fs.readFile", 4, "const fs = require('fs');\nconst { readFile } = require('node:fs/promises');\nasync function firstLines(names) {\n  for await (const name of names) {\n    const text = await readFile(name, 'utf8');\n    for (const line of text.split('\\n')) {\n      if (line === '') continue;\n      console.log(line);\n      break;\n    }\n    if (text.length > 10) continue;\n    console.log('short');\n  }\n}\nfirstLines([]);", " (the loop already awaits, so each iteration now also waits for `fs.readFile`)")],
    },
    // The inner level `return fs.readFile(…)` flattens; its `return` goes with it.
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nasync function report(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.stat(name, (err, stats) => {\n      if (err) throw err;\n      return fs.readFile(name, (err, data) => {\n        if (err) return console.log('unreadable', name);\n        console.log(name, data.length, stats.size);\n      });\n    });\n  }\n}\nreport([]);",
      errors: [convertible("fs.stat", 5, "const fs = require('fs');\nconst { stat, readFile } = require('node:fs/promises');\nasync function report(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    const stats = await stat(name);\n    let data;\n    try {\n      data = await readFile(name);\n    } catch (err) {\n      console.log('unreadable', name);\n      continue;\n    }\n    console.log(name, data.length, stats.size);\n  }\n}\nreport([]);", " (the loop already awaits, so each iteration now also waits for `fs.stat`)")],
    },
    // A `return api(…, cb)` that is not the level's last statement stays a callback, then ends the iteration.
    {
      filename: 'script.js',
      code: "const fs = require('fs');\nasync function clean(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.stat(name, (err, stats) => {\n      if (err) return;\n      if (stats.size > 0) return fs.unlink(name, (err) => {\n        if (err) return console.log('kept', name);\n        console.log('removed', name);\n      });\n      console.log('empty', name);\n    });\n  }\n}\nclean([]);",
      errors: [
        convertible("fs.stat", 5, "const fs = require('fs');\nconst { stat } = require('node:fs/promises');\nasync function clean(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    let stats;\n    try {\n      stats = await stat(name);\n    } catch (err) {\n      continue;\n    }\n    if (stats.size > 0) { fs.unlink(name, (err) => {\n      if (err) return console.log('kept', name);\n      console.log('removed', name);\n    }); continue; }\n    console.log('empty', name);\n  }\n}\nclean([]);", " (the loop already awaits, so each iteration now also waits for `fs.stat`)"),
        // The returned inner call converts on its own too, inside the (not awaiting) callback.
        convertible("fs.unlink", 7, "const fs = require('fs');\nconst { unlink } = require('node:fs/promises');\nasync function clean(names) {\n  for (const name of names) {\n    await Promise.resolve();\n    fs.stat(name, async (err, stats) => {\n      if (err) return;\n      if (stats.size > 0) {\n        try {\n          await unlink(name);\n        } catch (err) {\n          return console.log('kept', name);\n        }\n        console.log('removed', name);\n        return;\n      }\n      console.log('empty', name);\n    });\n  }\n}\nclean([]);"),
      ],
    },
  ],
  // Only the checker knows that `api.load()` returns a native Promise, so that making `f` async returns the same kind of value.
  typeAwareOnly: [
    // Only the declared types say these callees call back once, error first, with one result.
    {
      code: "interface User { name: string }\ndeclare function fetchUser(id: string, cb: (err: Error | null, user?: User) => void): void;\nfunction show(id: string) {\n  fetchUser(id, (err, user) => {\n    if (err) throw err;\n    console.log(user?.name);\n  });\n}\nshow('1');",
      errors: [
        convertible("fetchUser", 4, "import { promisify } from 'node:util';\ninterface User { name: string }\ndeclare function fetchUser(id: string, cb: (err: Error | null, user?: User) => void): void;\nasync function show(id: string) {\n  const user = await promisify(fetchUser)(id);\n  console.log(user?.name);\n}\nshow('1');", TYPED_NOTE('fetchUser')),
      ],
    },
    {
      code: "declare class Store {\n  get(key: string, cb: (err: Error | null, value?: string) => void): void;\n}\nfunction show(store: Store) {\n  store.get('a', (err, value) => {\n    if (err) {\n      console.error(err);\n      return;\n    }\n    console.log(value);\n  });\n}\nshow(new Store());",
      errors: [
        convertible("store.get", 5, "import { promisify } from 'node:util';\ndeclare class Store {\n  get(key: string, cb: (err: Error | null, value?: string) => void): void;\n}\nasync function show(store: Store) {\n  let value: string | undefined;\n  try {\n    value = await promisify(store.get.bind(store))('a');\n  } catch (err: any) {\n    console.error(err);\n    return;\n  }\n  console.log(value);\n}\nshow(new Store());", TYPED_NOTE('store.get')),
      ],
    },
    {
      code: "import { load } from 'user-store';\nimport * as store from 'user-store';\nfunction show(id: string) {\n  load(id, (err, account) => {\n    if (err) throw err;\n    console.log(account);\n  });\n}\nfunction again(id: string) {\n  store.load(id, (err, account) => {\n    if (err) throw err;\n    console.log(account);\n  });\n}\nshow('1');\nagain('1');",
      errors: [
        convertible("load", 4, "import { load } from 'user-store';\nimport * as store from 'user-store';\nimport { promisify } from 'node:util';\nasync function show(id: string) {\n  const account = await promisify(load)(id);\n  console.log(account);\n}\nfunction again(id: string) {\n  store.load(id, (err, account) => {\n    if (err) throw err;\n    console.log(account);\n  });\n}\nshow('1');\nagain('1');", TYPED_NOTE('load')),
        convertible("store.load", 10, "import { load } from 'user-store';\nimport * as store from 'user-store';\nimport { promisify } from 'node:util';\nfunction show(id: string) {\n  load(id, (err, account) => {\n    if (err) throw err;\n    console.log(account);\n  });\n}\nasync function again(id: string) {\n  const account = await promisify(store.load)(id);\n  console.log(account);\n}\nshow('1');\nagain('1');", TYPED_NOTE('store.load')),
      ],
    },
    // A pyramid of method calls on a property path: each level bound, one note.
    {
      code: "declare class Store {\n  get(key: string, cb: (err: Error | null, value?: string) => void): void;\n}\nfunction both(app: { store: Store }) {\n  app.store.get('a', (err, first) => {\n    if (err) throw err;\n    app.store.get(first ?? 'b', (err, second) => {\n      if (err) throw err;\n      console.log(first, second);\n    });\n  });\n}\nboth({ store: new Store() });",
      errors: [convertible("app.store.get", 5, "import { promisify } from 'node:util';\ndeclare class Store {\n  get(key: string, cb: (err: Error | null, value?: string) => void): void;\n}\nasync function both(app: { store: Store }) {\n  const first = await promisify(app.store.get.bind(app.store))('a');\n  const second = await promisify(app.store.get.bind(app.store))(first ?? 'b');\n  console.log(first, second);\n}\nboth({ store: new Store() });", TYPED_NOTE('app.store.get'))],
    },
    // An implementation in another file that calls back only from its own asynchronous work.
    {
      code: "import { lookUpLater } from './prefer-async-await-impl';\nfunction f() {\n  lookUpLater('a', (err, name) => {\n    if (err) throw err;\n    console.log(name);\n  });\n}\nf();",
      errors: [convertible("lookUpLater", 3, "import { lookUpLater } from './prefer-async-await-impl';\nimport { promisify } from 'node:util';\nasync function f() {\n  const name = await promisify(lookUpLater)('a');\n  console.log(name);\n}\nf();", TYPED_NOTE('lookUpLater'))],
    },
    // Callback or promise: `exec(sql, cb?): Promise<Row[]> | void` may give no promise without the callback (promisify);
    // `query` has a promise overload resolving to the callback's result (called without the callback).
    {
      code: "import { exec, query } from 'promise-driver';\nfunction f() {\n  exec('select', (error, rows) => {\n    if (error) throw error;\n    console.log(rows);\n  });\n}\nfunction g() {\n  query('select', (error, rows) => {\n    if (error) throw error;\n    console.log(rows);\n  });\n}\nf();\ng();",
      errors: [convertible("exec", 3, "import { exec, query } from 'promise-driver';\nimport { promisify } from 'node:util';\nasync function f() {\n  const rows = await promisify(exec)('select');\n  console.log(rows);\n}\nfunction g() {\n  query('select', (error, rows) => {\n    if (error) throw error;\n    console.log(rows);\n  });\n}\nf();\ng();", TYPED_NOTE('exec')), convertible("query", 9, "import { exec, query } from 'promise-driver';\nfunction f() {\n  exec('select', (error, rows) => {\n    if (error) throw error;\n    console.log(rows);\n  });\n}\nasync function g() {\n  const rows = await query('select');\n  console.log(rows);\n}\nf();\ng();", TYPED_NOTE('query'))],
    },
    // The variable assigned in `try` gets the declared result type, `undefined` included.
    {
      code: "import { load, type Account } from 'user-store';\nfunction show(id: string) {\n  load(id, (err, account) => {\n    if (err) {\n      console.log(err.message);\n      return;\n    }\n    console.log(account);\n  });\n}\nshow('1');",
      errors: [convertible("load", 3, "import { load, type Account } from 'user-store';\nimport { promisify } from 'node:util';\nasync function show(id: string) {\n  let account: Account | undefined;\n  try {\n    account = await promisify(load)(id);\n  } catch (err: any) {\n    console.log(err.message);\n    return;\n  }\n  console.log(account);\n}\nshow('1');", TYPED_NOTE('load'))],
    },
    {
      filename: 'script.js',
      code: "const { Connection, list } = require('user-store');\nfunction show(connection = new Connection()) {\n  connection.query('select', (err, rows) => {\n    if (err) return console.error(err);\n    console.log(rows);\n  });\n}\nfunction all() {\n  list('*', (err, accounts) => {\n    if (err) throw err;\n    console.log(accounts);\n  });\n}\nshow();\nall();",
      errors: [
        convertible("connection.query", 3, "const { Connection, list } = require('user-store');\nconst { promisify } = require('node:util');\nasync function show(connection = new Connection()) {\n  let rows;\n  try {\n    rows = await promisify(connection.query.bind(connection))('select');\n  } catch (err) {\n    return console.error(err);\n  }\n  console.log(rows);\n}\nfunction all() {\n  list('*', (err, accounts) => {\n    if (err) throw err;\n    console.log(accounts);\n  });\n}\nshow();\nall();", TYPED_NOTE('connection.query')),
        convertible("list", 9, "const { Connection, list } = require('user-store');\nfunction show(connection = new Connection()) {\n  connection.query('select', (err, rows) => {\n    if (err) return console.error(err);\n    console.log(rows);\n  });\n}\nasync function all() {\n  const accounts = await list('*');\n  console.log(accounts);\n}\nshow();\nall();", TYPED_NOTE('list')),
      ],
    },
    // Only the checker knows that a parameter handler is always a function (without types it may be anything `.then` passes over).
    {
      code: "function f(p: Promise<number>, handler: (v: number) => void) {\n  p.then(handler);\n}\nf(Promise.resolve(1), console.log);",
      errors: [
        chainConvertible("then", 2, "async function f(p: Promise<number>, handler: (v: number) => void) {\n  await handler(await p);\n}\nf(Promise.resolve(1), console.log);"),
      ],
    },
    {
      code: "declare const api: { load(): Promise<number> };\nfunction f(): Promise<number | void> {\n    return api.load().then(undefined, (reason) => console.log('failed', reason));\n}",
      errors: [
        chainConvertible("then", 3, "declare const api: { load(): Promise<number> };\nasync function f(): Promise<number | void> {\n    try {\n        return await api.load();\n    } catch (reason: any) {\n        return console.log('failed', reason);\n    }\n}"),
      ],
    },
  ],
});
