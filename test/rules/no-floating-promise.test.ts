import { RuleTester, type InvalidTestCase } from '@typescript-eslint/rule-tester';
import { noFloatingPromise, type MessageIds, type Options } from '../../rules/no-floating-promise';
import { FIXTURE_PROJECT, runInBothModes } from './rule-tester';

type TestError = InvalidTestCase<MessageIds, Options>['errors'][number];
type Suggestion = NonNullable<TestError['suggestions']>[number];

function problem(messageId: MessageIds, suggestions: Suggestion[] = [], data?: Record<string, string>): TestError {
  return data === undefined ? { messageId, suggestions } : { messageId, data, suggestions };
}
const floating = (...suggestions: Suggestion[]): TestError => problem('floating', suggestions);
const chain = (method: string, ...suggestions: Suggestion[]): TestError => problem('unhandledChain', suggestions, { method });
const addAwait = (output: string): Suggestion => ({ messageId: 'addAwait', output });
const addVoid = (output: string): Suggestion => ({ messageId: 'addVoid', output });
const addReturn = (output: string): Suggestion => ({ messageId: 'addReturn', output });
const forOf = (output: string): Suggestion => ({ messageId: 'forOfAwait', output });
const promiseAll = (output: string): Suggestion => ({ messageId: 'promiseAllMap', output });

/** Declarations the cases use, so that the type-aware run sees real types. */
const H = 'declare function handle(error: unknown): void;\n';
const SAVE = 'declare function save(value: string): Promise<void>;\n';
/** A generated 500-term `||` chain (deeper than the rule follows): no crash, and the promise at its end is still found. */
const LONG_OR = `${'ready || '.repeat(500)}fetch('/x')`;
const ISREADY =
  'function isReady(path: string, callback?: (error: Error | null, ready: boolean) => void) {\n' +
  '  if (!callback) return new Promise<boolean>((resolve) => resolve(path !== \'\'));\n' +
  '  callback(null, path !== \'\');\n' +
  '}\n';

runInBothModes('no-floating-promise', noFloatingPromise, {
  valid: [
    // A chain on a promise of this file that can only resolve (a deferred never rejected, an executor without reject), callbacks returning nothing that may reject.
    "declare const Q: { defer<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } };\ndeclare function stopServer(done: () => void): void;\nconst runner = {\n  stop() {\n    const deferred = Q.defer<void>();\n    stopServer(() => deferred.resolve());\n    return deferred.promise;\n  },\n  run() {\n    this.stop().then(() => {\n      console.log('stopped');\n    });\n  },\n};\n",
    "function later() {\n  return new Promise<number>((resolve) => {\n    setTimeout(() => resolve(1), 10);\n  });\n}\nlater().then((n) => {\n  console.log(n);\n});\n",
    "class Worker {\n  private exited: Promise<void>;\n  private markExited: () => void = () => {};\n  constructor() {\n    this.exited = new Promise((resolve) => {\n      this.markExited = resolve;\n    });\n    this.exited.then(() => {\n      console.log('exited');\n    });\n  }\n}\n",
    "declare const when: { promise<T>(executor: (resolve: (value: T) => void, reject: (error: unknown) => void) => void): Promise<T> };\nfunction list(): Promise<string[]> {\n  return when.promise(function (resolve, reject) {\n    resolve([]);\n  });\n}\nlist().then((names) => {\n  console.log(names);\n});\n",
    "let ready: Promise<void> | undefined;\nready = new Promise((resolve) => setTimeout(resolve, 10));\nready.then(() => {\n  console.log('ready');\n});\n",
    // Settling every promise of an array never rejects: Promise.allSettled, when.settle, Q.allSettled.
    `${SAVE}const pending: Promise<void>[] = [];\npending.push(save('a'));\nPromise.allSettled(pending).then(() => {\n  console.log('settled');\n});\n`,
    {
      code: "const when = require('when');\nlet promises = [];\npromises = promises.concat([fetch('/a')]);\nwhen.settle(promises).then(function () {\n  console.log('settled');\n});\n",
      filename: 'script.js',
    },
    // Awaited, returned, assigned.
    "async function load() { await fetch('/x'); }",
    "async function load() { return fetch('/x'); }",
    "function load() { return fetch('/x'); }",
    "const load = async () => fetch('/x');",
    "const pending = fetch('/x');",
    "let pending: Promise<Response>; pending = fetch('/x');",
    "async function load() { const [a, b] = await Promise.all([fetch('/a'), fetch('/b')]); return [a, b]; }",
    // Given a rejection handler.
    `${H}fetch('/x').catch(handle);`,
    `${H}fetch('/x').then((response) => response.json(), handle);`,
    `${H}fetch('/x').then((response) => response.json()).catch(handle);`,
    `${H}fetch('/x').catch(handle).finally(() => console.log('done'));`,
    `${H}Promise.resolve(1).then(() => 2).then(() => 3, handle);`,
    `${H}new Promise<number>((resolve) => resolve(1)).then((n) => n, handle);`,
    `${H}const pending = fetch('/x');\npending.then(() => 1, handle);`,
    // Explicitly voided (ignoreVoid defaults to true).
    "void fetch('/x');",
    "async function f() { void Promise.resolve(1); }",
    // Not promises.
    "console.log(fetch('/x'));",
    'function save() { return 1; }\nsave();',
    'const save = () => 1;\nsave();',
    "function fetch(url: string) { return url; }\nfetch('x');",
    'function f() {\n  const Promise = { resolve(value: number) { return value; } };\n  Promise.resolve(1);\n}',
    'async function* numbers() { yield 1; }\nnumbers();',
    // A parameter is not its function's name: calling it is not calling the function.
    'async function run(callback: (n: number) => void) {\n  callback(1);\n}',
    "function get(url: string, done: (body: string) => void) {\n  done(url);\n  return fetch(url);\n}",
    "function* numbers() { yield 1; }\nnumbers();",
    '[1, 2].forEach((n) => console.log(n));',
    '[1, 2].map((n) => n * 2);',
    "[1, 'a'];",
    "import { readFileSync } from 'node:fs';\nreadFileSync('x');",
    "import { readFile } from 'node:fs';\nreadFile('x', () => {});",
    // Callback-or-promise APIs called with a callback return nothing.
    "import { query } from 'promise-driver';\nquery('select 1', (error, rows) => console.log(error, rows));",
    "import { Collection } from 'promise-driver';\ndeclare const users: Collection;\nusers.insert({ name: 'a' }, (error) => console.log(error));",
    "import { Service } from 'promise-driver';\ndeclare const service: Service;\nservice.stop(() => undefined);",
    "import { exec } from 'promise-driver';\nexec('select 1', (error, rows) => console.log(error, rows));",
    // The same convention in a local function: a promise only when no callback is passed.
    `${ISREADY}isReady('x', (error, ready) => console.log(error, ready));`,
    "import { connect } from 'promise-driver';\nasync function main() { (await connect('db')).find(); }",
    // Optional chaining with a handler.
    `${H}import { maybe } from 'promise-driver';\nmaybe()?.catch(handle);`,
    // Synchronous callbacks, plain listeners and timers.
    "import { EventEmitter } from 'node:events';\nnew EventEmitter().on('data', (chunk) => console.log(chunk));",
    "setTimeout(() => console.log('later'), 10);",
    `${H}setTimeout(() => { fetch('/x').catch(handle); }, 10);`,
    "async function main() { await new Promise((resolve) => setTimeout(resolve, 10)); }",
    "const ready = new Promise<void>((resolve) => { resolve(); });",
    // Async callbacks whose caller awaits them.
    "const all = Promise.all([1, 2].map(async (n) => n * 2));",
    'declare function it(name: string, body: () => Promise<void>): void;\nit(\'works\', async () => { await Promise.resolve(); });',
    // A local `setTimeout` is not the timer.
    'function setTimeout(fn: () => Promise<void>) { return fn; }\nsetTimeout(async () => {});',
    // Options.
    { code: "import { writeFile } from 'node:fs/promises';\nwriteFile('a', 'b');", options: [{ allow: [{ from: 'fs/promises', name: 'writeFile' }] }] },
    { code: "const fsp = require('fs/promises');\nfsp.rm('a');", filename: 'script.js', options: [{ allow: [{ from: 'node:fs/promises', name: 'rm' }] }] },
    { code: 'async function flush() {}\nflush();', options: [{ allow: ['flush'] }] },
    {
      // With types the callback-or-promise driver's promise form is reported; allowed here by module and name.
      code: "import { query, Collection } from 'promise-driver';\ndeclare const users: Collection;\nquery('select 1');\nusers.insert({});",
      options: [{ allow: [{ from: 'promise-driver', name: 'query' }, { from: 'promise-driver', name: 'insert' }] }],
    },
    {
      // CommonJS JavaScript: the same convention with a callback parameter.
      code: "const fs = require('fs');\nfunction isReady(path, callback) {\n  if (typeof callback !== 'function') return new Promise((resolve) => fs.access(path, (error) => resolve(!error)));\n  fs.access(path, (error) => callback(null, !error));\n}\nisReady('x', (error, ready) => console.log(ready));",
      filename: 'script.js',
    },
    { code: "const logger = { flush: async () => {} };\nlogger.flush().then(() => console.log('flushed'));", options: [{ allow: ['logger.flush'] }] },
    { code: '(async () => {\n  await Promise.resolve();\n})();', options: [{ ignoreIIFE: true }] },
    // Plain IIFE and directives.
    "(() => { console.log('now'); })();",
    "'use strict';\nconsole.log(1);",
    // Functions that catch their own errors: their promise cannot reject (self-handled.ts).
    `${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  }\n}\nwrite('x');`,
    `${SAVE}${H}async function wrap(ready: boolean, value: string) {\n  const label = 'w';\n  function onDone() {}\n  if (!ready) return;\n  try {\n    await save(label + value);\n    onDone();\n  } catch (error) {\n    handle(error);\n  }\n}\nwrap(true, 'x');`,
    `${SAVE}${H}async function run(kind: number) {\n  if (kind === 1) {\n    try {\n      await save('one');\n    } catch (error) {\n      handle(error);\n    }\n    return;\n  }\n  try {\n    await save('other');\n  } catch (error) {\n    handle(error);\n  }\n}\nrun(1);`,
    `${SAVE}${H}class Sender {\n  async #run() {\n    try {\n      await save('x');\n    } catch (error) {\n      handle(error);\n    }\n  }\n  send() {\n    this.#run();\n  }\n}`,
    `${SAVE}${H}function saveQuietly(value: string) {\n  return save(value).catch(handle);\n}\nsaveQuietly('x');`,
    `${SAVE}${H}(async () => {\n  try {\n    await save('x');\n  } catch (error) {\n    handle(error);\n  }\n})();`,
    `${SAVE}${H}process.on('message', async (message: string) => {\n  try {\n    await save(message);\n  } catch (error) {\n    handle(error);\n  }\n});`,
    `${SAVE}async function cleanup() {\n  try {\n    await save('x');\n  } catch {\n    // stale folders are retried next time\n  }\n}\nsetTimeout(() => cleanup(), 0);`,
    `${SAVE}${H}let batching = new Map<string, string>();\nsetTimeout(async () => {\n  const batched = batching;\n  batching = new Map();\n  try {\n    await save(String(batched.size));\n  } catch (error) {\n    handle(error);\n  }\n}, 0);`,
    // A settled value returned from the try and the catch, a plain default, a finally that cannot throw (assignments, a handled try).
    `${SAVE}${H}let busy = false;\nasync function write(value: string, retry = false) {\n  busy = true;\n  try {\n    return await save(value);\n  } catch (error) {\n    handle(error);\n    return;\n  } finally {\n    busy = retry;\n  }\n}\nwrite('x');`,
    `${SAVE}${H}declare function release(): void;\n(async () => {\n  try {\n    await save('x');\n  } catch (error) {\n    handle(error);\n  } finally {\n    try {\n      release();\n    } catch (error) {\n      handle(error);\n    }\n  }\n})();`,
    // Not async: the calls before the return throw to the emitter, they do not reject; every return is handled.
    `${SAVE}${H}process.on('message', function (message: string) {\n  const names = [message].map((name) => name.toUpperCase());\n  if (names.length === 0) return;\n  return Promise.all(names.map((name) => save(name))).then(() => undefined, handle);\n});`,
    // A returned value that is not a promise (`report` returns void).
    `${H}declare function report(message: string): void;\nprocess.on('message', async (message: string) => {\n  try {\n    return report(message);\n  } catch (error) {\n    handle(error);\n  }\n});`,
    // The finally settles an enclosing `new Promise`: its resolve cannot throw.
    `${SAVE}${H}export const scanned = new Promise<void>((resolve) => {\n  (async () => {\n    try {\n      await save('x');\n    } catch (error) {\n      handle(error);\n    } finally {\n      resolve();\n    }\n  })();\n});`,
  ],
  invalid: [
    // Next to the resolve-only promises: a deferred also rejected, a callback returning a promise that may reject, an executor that rejects.
    {
      code: "declare const Q: { defer<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } };\ndeclare function stopServer(done: (error?: Error) => void): void;\nconst runner = {\n  stop() {\n    const deferred = Q.defer<void>();\n    stopServer((error) => (error ? deferred.reject(error) : deferred.resolve()));\n    return deferred.promise;\n  },\n  run() {\n    this.stop().then(() => {\n      console.log('stopped');\n    });\n  },\n};\n",
      errors: [chain('then', addVoid("declare const Q: { defer<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } };\ndeclare function stopServer(done: (error?: Error) => void): void;\nconst runner = {\n  stop() {\n    const deferred = Q.defer<void>();\n    stopServer((error) => (error ? deferred.reject(error) : deferred.resolve()));\n    return deferred.promise;\n  },\n  run() {\n    void this.stop().then(() => {\n      console.log('stopped');\n    });\n  },\n};\n"), addReturn("declare const Q: { defer<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } };\ndeclare function stopServer(done: (error?: Error) => void): void;\nconst runner = {\n  stop() {\n    const deferred = Q.defer<void>();\n    stopServer((error) => (error ? deferred.reject(error) : deferred.resolve()));\n    return deferred.promise;\n  },\n  run() {\n    return this.stop().then(() => {\n      console.log('stopped');\n    });\n  },\n};\n"))],
    },
    {
      code: "declare function save(value: string): Promise<void>;\nfunction later() {\n  return new Promise<number>((resolve) => {\n    setTimeout(() => resolve(1), 10);\n  });\n}\nlater().then((n) => save(String(n)));\n",
      errors: [chain('then', addVoid("declare function save(value: string): Promise<void>;\nfunction later() {\n  return new Promise<number>((resolve) => {\n    setTimeout(() => resolve(1), 10);\n  });\n}\nvoid later().then((n) => save(String(n)));\n"))],
    },
    {
      code: "function later() {\n  return new Promise<number>((resolve, reject) => {\n    setTimeout(() => (Math.random() > 0.5 ? resolve(1) : reject(new Error('late'))), 10);\n  });\n}\nlater().then((n) => {\n  console.log(n);\n});\n",
      errors: [chain('then', addVoid("function later() {\n  return new Promise<number>((resolve, reject) => {\n    setTimeout(() => (Math.random() > 0.5 ? resolve(1) : reject(new Error('late'))), 10);\n  });\n}\nvoid later().then((n) => {\n  console.log(n);\n});\n"))],
    },
    // Next to it: async (a throw before the return rejects), and a return not handled.
    {
      code: `${SAVE}${H}process.on('message', async function (message: string) {\n  const names = [message].map((name) => name.toUpperCase());\n  return Promise.all(names.map((name) => save(name))).then(() => undefined, handle);\n});`,
      errors: [problem('asyncListener', [], { method: 'on' })],
    },
    {
      code: `${SAVE}${H}process.on('message', function (message: string) {\n  if (!message) return fetch('/empty');\n  return save(message).catch(handle);\n});`,
      errors: [problem('asyncListener', [], { method: 'on' })],
    },
    // Next to the settled arrays: a callback returning a promise, a list that may be no array, Promise.all, a callback reading the results.
    {
      // The callback reads the settled descriptors: `value.name` throws for a rejected entry.
      code: `${SAVE}const pending: Promise<{ name: string }>[] = [];\npending.push(save('a').then(() => ({ name: 'a' })));\nPromise.allSettled(pending).then((results) => {\n  for (const result of results) console.log((result as PromiseFulfilledResult<{ name: string }>).value.name);\n});\n`,
      errors: [chain('then', addVoid(`${SAVE}const pending: Promise<{ name: string }>[] = [];\npending.push(save('a').then(() => ({ name: 'a' })));\nvoid Promise.allSettled(pending).then((results) => {\n  for (const result of results) console.log((result as PromiseFulfilledResult<{ name: string }>).value.name);\n});\n`))],
    },
    {
      code: `${SAVE}const pending: Promise<void>[] = [];\npending.push(save('a'));\nPromise.allSettled(pending).then(() => save('b'));\n`,
      errors: [chain('then', addVoid(`${SAVE}const pending: Promise<void>[] = [];\npending.push(save('a'));\nvoid Promise.allSettled(pending).then(() => save('b'));\n`))],
    },
    {
      code: `declare const pending: Promise<void>[] | undefined;\nPromise.allSettled(pending as Promise<void>[]).then(() => {\n  console.log('settled');\n});\n`,
      errors: [chain('then', addVoid(`declare const pending: Promise<void>[] | undefined;\nvoid Promise.allSettled(pending as Promise<void>[]).then(() => {\n  console.log('settled');\n});\n`))],
    },
    {
      code: `${SAVE}const pending: Promise<void>[] = [];\npending.push(save('a'));\nPromise.all(pending).then(() => {\n  console.log('done');\n});\n`,
      errors: [chain('then', addVoid(`${SAVE}const pending: Promise<void>[] = [];\npending.push(save('a'));\nvoid Promise.all(pending).then(() => {\n  console.log('done');\n});\n`))],
    },
    // Not self-handled: the catch rethrows, awaits, or a call before the try can throw.
    {
      code: `${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n    throw error;\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n    throw error;\n  }\n}\nvoid write('x');`))],
    },
    {
      code: `${SAVE}async function write(value: string) {\n  try {\n    await save(value);\n  } catch {\n    await save('failed');\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}async function write(value: string) {\n  try {\n    await save(value);\n  } catch {\n    await save('failed');\n  }\n}\nvoid write('x');`))],
    },
    {
      code: `${SAVE}${H}declare function check(value: string): void;\nasync function write(value: string) {\n  check(value);\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}declare function check(value: string): void;\nasync function write(value: string) {\n  check(value);\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  }\n}\nvoid write('x');`))],
    },
    // Not self-handled either: code after the try, a finally that can throw (throw, await, a call), a promise returned from the try or the catch, a parameter default that calls, a destructured catch parameter.
    {
      code: `${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  }\n  console.log('written');\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  }\n  console.log('written');\n}\nvoid write('x');`))],
    },
    {
      code: `${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  } finally {\n    if (!value) throw new Error('empty');\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  } finally {\n    if (!value) throw new Error('empty');\n  }\n}\nvoid write('x');`))],
    },
    {
      code: `${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  } finally {\n    await save('done');\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  } finally {\n    await save('done');\n  }\n}\nvoid write('x');`))],
    },
    {
      code: `${SAVE}${H}declare function release(): void;\nasync function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  } finally {\n    release();\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}declare function release(): void;\nasync function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  } finally {\n    release();\n  }\n}\nvoid write('x');`))],
    },
    {
      code: `${H}async function load(url: string) {\n  try {\n    return fetch(url);\n  } catch (error) {\n    handle(error);\n  }\n}\nload('/x');`,
      errors: [floating(addVoid(`${H}async function load(url: string) {\n  try {\n    return fetch(url);\n  } catch (error) {\n    handle(error);\n  }\n}\nvoid load('/x');`))],
    },
    {
      code: `${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n    return Promise.reject(error);\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n    return Promise.reject(error);\n  }\n}\nvoid write('x');`))],
    },
    {
      code: `${SAVE}${H}async function write(value = String(Date.now())) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}async function write(value = String(Date.now())) {\n  try {\n    await save(value);\n  } catch (error) {\n    handle(error);\n  }\n}\nvoid write('x');`))],
    },
    {
      code: `${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch ({ message }) {\n    handle(message);\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}async function write(value: string) {\n  try {\n    await save(value);\n  } catch ({ message }) {\n    handle(message);\n  }\n}\nvoid write('x');`))],
    },
    {
      code: `${SAVE}${H}(async () => {\n  try {\n    await save('x');\n  } catch (error) {\n    handle(error);\n    throw error;\n  }\n})();`,
      errors: [problem('floatingIife', [addVoid(`${SAVE}${H}void (async () => {\n  try {\n    await save('x');\n  } catch (error) {\n    handle(error);\n    throw error;\n  }\n})();`)])],
    },
    {
      // A `resolve` that is not a Promise executor's: any callback may throw.
      code: `${SAVE}${H}export function later(resolve: () => void) {\n  (async () => {\n    try {\n      await save('x');\n    } catch (error) {\n      handle(error);\n    } finally {\n      resolve();\n    }\n  })();\n}`,
      errors: [problem('floatingIife', [addVoid(`${SAVE}${H}export function later(resolve: () => void) {\n  void (async () => {\n    try {\n      await save('x');\n    } catch (error) {\n      handle(error);\n    } finally {\n      resolve();\n    }\n  })();\n}`), addReturn(`${SAVE}${H}export function later(resolve: () => void) {\n  return (async () => {\n    try {\n      await save('x');\n    } catch (error) {\n      handle(error);\n    } finally {\n      resolve();\n    }\n  })();\n}`)])],
    },
    {
      code: `${SAVE}function saveLoudly(value: string) {\n  return save(value).then(() => value);\n}\nsaveLoudly('x');`,
      errors: [floating(addVoid(`${SAVE}function saveLoudly(value: string) {\n  return save(value).then(() => value);\n}\nvoid saveLoudly('x');`))],
    },
    {
      code: `${SAVE}process.on('message', async (message: string) => {\n  try {\n    await save(message);\n  } finally {\n    console.log('done');\n  }\n});`,
      errors: [problem('asyncListener', [], { method: 'on' })],
    },
    {
      // Top level: `await` is not offered (the file may be CommonJS), `void` is.
      code: "fetch('/x');",
      errors: [floating(addVoid("void fetch('/x');"))],
    },
    {
      code: "async function load() {\n  fetch('/x');\n}",
      errors: [
        floating(
          addAwait("async function load() {\n  await fetch('/x');\n}"),
          addVoid("async function load() {\n  void fetch('/x');\n}"),
          addReturn("async function load() {\n  return fetch('/x');\n}"),
        ),
      ],
    },
    {
      // Not the last statement: no `return`.
      code: "async function load() {\n  fetch('/x');\n  console.log('sent');\n}",
      errors: [
        floating(
          addAwait("async function load() {\n  await fetch('/x');\n  console.log('sent');\n}"),
          addVoid("async function load() {\n  void fetch('/x');\n  console.log('sent');\n}"),
        ),
      ],
    },
    {
      // A plain function: `await` is not legal.
      code: "function load() {\n  fetch('/x');\n}",
      errors: [floating(addVoid("function load() {\n  void fetch('/x');\n}"), addReturn("function load() {\n  return fetch('/x');\n}"))],
    },
    {
      // A declared return type: `return` would not type-check.
      code: "async function load(): Promise<void> {\n  fetch('/x');\n}",
      errors: [
        floating(
          addAwait("async function load(): Promise<void> {\n  await fetch('/x');\n}"),
          addVoid("async function load(): Promise<void> {\n  void fetch('/x');\n}"),
        ),
      ],
    },
    {
      code: "const run = async () => {\n  fetch('/x');\n};",
      errors: [
        floating(
          addAwait("const run = async () => {\n  await fetch('/x');\n};"),
          addVoid("const run = async () => {\n  void fetch('/x');\n};"),
          addReturn("const run = async () => {\n  return fetch('/x');\n};"),
        ),
      ],
    },
    {
      // In a constructor, `return` would replace the instance.
      code: "class Client {\n  constructor() {\n    fetch('/x');\n  }\n}",
      errors: [floating(addVoid("class Client {\n  constructor() {\n    void fetch('/x');\n  }\n}"))],
    },
    {
      // A synchronous callback inside an async function: `await` is not legal there.
      code: "async function all(urls: string[]) {\n  urls.map((url) => {\n    fetch(url);\n  });\n}",
      errors: [
        floating(
          addVoid("async function all(urls: string[]) {\n  urls.map((url) => {\n    void fetch(url);\n  });\n}"),
          addReturn("async function all(urls: string[]) {\n  urls.map((url) => {\n    return fetch(url);\n  });\n}"),
        ),
      ],
    },
    {
      code: "declare const ready: boolean;\nif (ready) fetch('/x');",
      errors: [floating(addVoid("declare const ready: boolean;\nif (ready) void fetch('/x');"))],
    },
    // Chains without a rejection handler at their end.
    {
      code: "fetch('/x').then((response) => response.json());",
      errors: [chain('then', addVoid("void fetch('/x').then((response) => response.json());"))],
    },
    {
      code: "fetch('/x').then((response) => response.json()).finally(() => console.log('done'));",
      errors: [chain('finally', addVoid("void fetch('/x').then((response) => response.json()).finally(() => console.log('done'));"))],
    },
    {
      code: "fetch('/x').catch();",
      errors: [chain('catch', addVoid("void fetch('/x').catch();"))],
    },
    {
      code: "fetch('/x').then(() => 1, undefined);",
      errors: [chain('then', addVoid("void fetch('/x').then(() => 1, undefined);"))],
    },
    {
      code: "fetch('/x').then(() => 1, null);",
      errors: [chain('then', addVoid("void fetch('/x').then(() => 1, null);"))],
    },
    {
      code: `${H}fetch('/x').catch(handle).then(() => 1);`,
      errors: [chain('then', addVoid(`${H}void fetch('/x').catch(handle).then(() => 1);`))],
    },
    {
      // Optional chaining.
      code: "const pending = fetch('/x');\npending?.then((response) => response.status);",
      errors: [chain('then', addVoid("const pending = fetch('/x');\nvoid pending?.then((response) => response.status);"))],
    },
    {
      code: "import { maybe } from 'promise-driver';\nmaybe()?.then(() => 1);",
      errors: [chain('then', addVoid("import { maybe } from 'promise-driver';\nvoid maybe()?.then(() => 1);"))],
    },
    // Promise constructors and statics.
    {
      code: 'new Promise((resolve) => setTimeout(resolve, 10));',
      errors: [floating(addVoid('void new Promise((resolve) => setTimeout(resolve, 10));'))],
    },
    {
      code: "Promise.reject(new Error('no'));",
      errors: [floating(addVoid("void Promise.reject(new Error('no'));"))],
    },
    {
      code: "Promise.all([fetch('/a'), fetch('/b')]);",
      errors: [floating(addVoid("void Promise.all([fetch('/a'), fetch('/b')]);"))],
    },
    {
      code: 'const pending = Promise.resolve(1);\npending;',
      errors: [floating(addVoid('const pending = Promise.resolve(1);\nvoid pending;'))],
    },
    // Local functions known to return promises.
    {
      code: 'async function save() {}\nsave();',
      errors: [floating(addVoid('async function save() {}\nvoid save();'))],
    },
    {
      code: 'const save = async () => {};\nconst store = save;\nstore();',
      errors: [floating(addVoid('const save = async () => {};\nconst store = save;\nvoid store();'))],
    },
    {
      code: 'function wait(ms: number) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\nwait(10);',
      errors: [floating(addVoid('function wait(ms: number) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\nvoid wait(10);'))],
    },
    {
      code: "function get(url: string) {\n  if (!url) return undefined;\n  return fetch(url);\n}\nget('/x');",
      errors: [floating(addVoid("function get(url: string) {\n  if (!url) return undefined;\n  return fetch(url);\n}\nvoid get('/x');"))],
    },
    {
      code: `${ISREADY}isReady('x');`,
      errors: [floating(addVoid(`${ISREADY}void isReady('x');`))],
    },
    {
      // Class methods through `this`.
      code: 'class Store {\n  async save() {}\n  run() {\n    this.save();\n  }\n}',
      errors: [
        floating(
          addVoid('class Store {\n  async save() {}\n  run() {\n    void this.save();\n  }\n}'),
          addReturn('class Store {\n  async save() {}\n  run() {\n    return this.save();\n  }\n}'),
        ),
      ],
    },
    {
      code: 'class Store {\n  load = async () => 1;\n  async run() {\n    this.load();\n    return 1;\n  }\n}',
      errors: [
        floating(
          addAwait('class Store {\n  load = async () => 1;\n  async run() {\n    await this.load();\n    return 1;\n  }\n}'),
          addVoid('class Store {\n  load = async () => 1;\n  async run() {\n    void this.load();\n    return 1;\n  }\n}'),
        ),
      ],
    },
    {
      // Private methods and listeners passed by reference.
      code: "import { EventEmitter } from 'node:events';\nclass Store {\n  async #save() {}\n  #onData = async (chunk: string) => chunk;\n  constructor(emitter: EventEmitter) {\n    emitter.on('data', this.#onData);\n    this.#save();\n  }\n}",
      errors: [
        problem('asyncListener', [], { method: 'on' }),
        floating(addVoid("import { EventEmitter } from 'node:events';\nclass Store {\n  async #save() {}\n  #onData = async (chunk: string) => chunk;\n  constructor(emitter: EventEmitter) {\n    emitter.on('data', this.#onData);\n    void this.#save();\n  }\n}")),
      ],
    },
    {
      // Tagged templates.
      code: 'async function sql(strings: TemplateStringsArray) {\n  return strings.join();\n}\nsql`select 1`;',
      errors: [floating(addVoid('async function sql(strings: TemplateStringsArray) {\n  return strings.join();\n}\nvoid sql`select 1`;'))],
    },
    // Modules from the knowledge table.
    {
      code: "import { writeFile } from 'node:fs/promises';\nwriteFile('a', 'b');",
      errors: [floating(addVoid("import { writeFile } from 'node:fs/promises';\nvoid writeFile('a', 'b');"))],
    },
    {
      code: "import fs from 'fs';\nfs.promises.unlink('a');",
      errors: [floating(addVoid("import fs from 'fs';\nvoid fs.promises.unlink('a');"))],
    },
    {
      code: "const fsp = require('fs/promises');\nfsp.rm('a');",
      filename: 'script.js',
      errors: [floating(addVoid("const fsp = require('fs/promises');\nvoid fsp.rm('a');"))],
    },
    {
      code: "import { setTimeout as sleep } from 'node:timers/promises';\nsleep(10);",
      errors: [floating(addVoid("import { setTimeout as sleep } from 'node:timers/promises';\nvoid sleep(10);"))],
    },
    {
      code: "import { pipeline } from 'stream/promises';\nimport { Readable, Writable } from 'stream';\ndeclare const source: Readable;\ndeclare const sink: Writable;\npipeline(source, sink);",
      errors: [floating(addVoid("import { pipeline } from 'stream/promises';\nimport { Readable, Writable } from 'stream';\ndeclare const source: Readable;\ndeclare const sink: Writable;\nvoid pipeline(source, sink);"))],
    },
    {
      code: "import dns from 'node:dns/promises';\ndns.lookup('localhost');",
      errors: [floating(addVoid("import dns from 'node:dns/promises';\nvoid dns.lookup('localhost');"))],
    },
    {
      code: "import { once, EventEmitter } from 'node:events';\nonce(new EventEmitter(), 'ready');",
      errors: [floating(addVoid("import { once, EventEmitter } from 'node:events';\nvoid once(new EventEmitter(), 'ready');"))],
    },
    {
      code: "import { promisify } from 'node:util';\nimport { readFile } from 'node:fs';\nconst read = promisify(readFile);\nread('x');",
      errors: [floating(addVoid("import { promisify } from 'node:util';\nimport { readFile } from 'node:fs';\nconst read = promisify(readFile);\nvoid read('x');"))],
    },
    {
      code: "const util = require('util');\nconst fs = require('fs');\nutil.promisify(fs.stat)('x');",
      filename: 'script.js',
      errors: [floating(addVoid("const util = require('util');\nconst fs = require('fs');\nvoid util.promisify(fs.stat)('x');"))],
    },
    // Inside `?:`, `&&` and sequences.
    {
      code: "declare const ready: boolean;\nready ? fetch('/a') : undefined;",
      errors: [floating(addVoid("declare const ready: boolean;\nvoid (ready ? fetch('/a') : undefined);"))],
    },
    {
      code: "declare const ready: boolean;\nasync function go() {\n  ready && fetch('/a');\n}",
      errors: [
        floating(
          addAwait("declare const ready: boolean;\nasync function go() {\n  await (ready && fetch('/a'));\n}"),
          addVoid("declare const ready: boolean;\nasync function go() {\n  void (ready && fetch('/a'));\n}"),
          addReturn("declare const ready: boolean;\nasync function go() {\n  return ready && fetch('/a');\n}"),
        ),
      ],
    },
    {
      code: "declare let cached: Promise<Response> | undefined;\ncached ?? fetch('/a');",
      errors: [floating(addVoid("declare let cached: Promise<Response> | undefined;\nvoid (cached ?? fetch('/a'));"))],
    },
    {
      name: 'a generated 500-term || chain',
      code: `declare const ready: boolean;\n${LONG_OR};`,
      errors: [floating(addVoid(`declare const ready: boolean;\nvoid (${LONG_OR});`))],
    },
    {
      code: "fetch('/a'), fetch('/b');",
      errors: [floating(addVoid("void fetch('/a'), fetch('/b');")), floating(addVoid("fetch('/a'), void fetch('/b');"))],
    },
    {
      code: "console.log('go'), fetch('/b');",
      errors: [floating(addVoid("console.log('go'), void fetch('/b');"))],
    },
    // TypeScript wrappers.
    {
      code: "fetch('/x') as Promise<Response>;",
      errors: [floating(addVoid("void (fetch('/x') as Promise<Response>);"))],
    },
    {
      code: "fetch('/x')!;",
      errors: [floating(addVoid("void fetch('/x')!;"))],
    },
    // Immediately-invoked async functions.
    {
      code: '(async () => {\n  await Promise.resolve();\n})();',
      errors: [problem('floatingIife', [addVoid('void (async () => {\n  await Promise.resolve();\n})();')])],
    },
    {
      code: '(async function main() {\n  await Promise.resolve();\n}());',
      errors: [problem('floatingIife', [addVoid('(void async function main() {\n  await Promise.resolve();\n}());')])],
    },
    {
      // A plain IIFE that returns a promise is an ordinary floating promise (ignoreIIFE does not apply).
      code: "(() => fetch('/x'))();",
      options: [{ ignoreIIFE: true }],
      errors: [floating(addVoid("void (() => fetch('/x'))();"))],
    },
    // ignoreVoid: false.
    {
      code: "void fetch('/x');",
      options: [{ ignoreVoid: false }],
      errors: [problem('floatingVoid')],
    },
    {
      code: "async function load() {\n  void fetch('/x');\n}",
      options: [{ ignoreVoid: false }],
      errors: [problem('floatingVoid', [addAwait("async function load() {\n  await fetch('/x');\n}")])],
    },
    {
      code: "async function load() {\n  fetch('/x');\n}",
      options: [{ ignoreVoid: false }],
      errors: [floating(addAwait("async function load() {\n  await fetch('/x');\n}"), addReturn("async function load() {\n  return fetch('/x');\n}"))],
    },
    {
      // An `allow` entry that does not match.
      code: 'async function save() {}\nsave();',
      options: [{ allow: ['flush', { from: 'fs/promises', name: 'save' }] }],
      errors: [floating(addVoid('async function save() {}\nvoid save();'))],
    },
    // forEach with async callbacks.
    {
      code: `${SAVE}async function main(names: string[]) {\n  names.forEach(async (name) => {\n    await save(name);\n  });\n}`,
      errors: [
        problem(
          'asyncForEach',
          [
            forOf(`${SAVE}async function main(names: string[]) {\n  for (const name of names) {\n    await save(name);\n  }\n}`),
            promiseAll(`${SAVE}async function main(names: string[]) {\n  await Promise.all(names.map(async (name) => {\n    await save(name);\n  }));\n}`),
          ],
          { method: 'forEach' },
        ),
      ],
    },
    {
      // Expression body; a comment inside the body is kept.
      code: `${SAVE}async function main(names: string[]) {\n  names.forEach(async (name) => save(/* trimmed */ name.trim()));\n}`,
      errors: [
        problem(
          'asyncForEach',
          [
            forOf(`${SAVE}async function main(names: string[]) {\n  for (const name of names) { await save(/* trimmed */ name.trim()); }\n}`),
            promiseAll(`${SAVE}async function main(names: string[]) {\n  await Promise.all(names.map(async (name) => save(/* trimmed */ name.trim())));\n}`),
          ],
          { method: 'forEach' },
        ),
      ],
    },
    {
      // A reassigned parameter becomes `let`; a destructuring parameter is kept.
      code: `${SAVE}async function main(rows: { name: string }[], names: string[]) {\n  names.forEach(async (name: string) => {\n    name = name.trim();\n    await save(name);\n  });\n  rows.forEach(async ({ name }) => save(name));\n}`,
      errors: [
        problem(
          'asyncForEach',
          [
            forOf(`${SAVE}async function main(rows: { name: string }[], names: string[]) {\n  for (let name of names) {\n    name = name.trim();\n    await save(name);\n  }\n  rows.forEach(async ({ name }) => save(name));\n}`),
            promiseAll(`${SAVE}async function main(rows: { name: string }[], names: string[]) {\n  await Promise.all(names.map(async (name: string) => {\n    name = name.trim();\n    await save(name);\n  }));\n  rows.forEach(async ({ name }) => save(name));\n}`),
          ],
          { method: 'forEach' },
        ),
        problem(
          'asyncForEach',
          [
            forOf(`${SAVE}async function main(rows: { name: string }[], names: string[]) {\n  names.forEach(async (name: string) => {\n    name = name.trim();\n    await save(name);\n  });\n  for (const { name } of rows) { await save(name); }\n}`),
            promiseAll(`${SAVE}async function main(rows: { name: string }[], names: string[]) {\n  names.forEach(async (name: string) => {\n    name = name.trim();\n    await save(name);\n  });\n  await Promise.all(rows.map(async ({ name }) => save(name)));\n}`),
          ],
          { method: 'forEach' },
        ),
      ],
    },
    {
      // `return` inside the callback would leave the outer function in a loop: only Promise.all.
      code: `${SAVE}async function main(names: string[]) {\n  names.forEach(async (name) => {\n    if (!name) return;\n    await save(name);\n  });\n}`,
      errors: [
        problem(
          'asyncForEach',
          [promiseAll(`${SAVE}async function main(names: string[]) {\n  await Promise.all(names.map(async (name) => {\n    if (!name) return;\n    await save(name);\n  }));\n}`)],
          { method: 'forEach' },
        ),
      ],
    },
    {
      // The index parameter has no for…of equivalent here; a comment between the parts blocks for…of.
      code: `${SAVE}async function main(names: string[]) {\n  names.forEach(async (name, index) => save(name + index));\n  names.forEach(/* each */ async (name) => save(name));\n}`,
      errors: [
        problem(
          'asyncForEach',
          [promiseAll(`${SAVE}async function main(names: string[]) {\n  await Promise.all(names.map(async (name, index) => save(name + index)));\n  names.forEach(/* each */ async (name) => save(name));\n}`)],
          { method: 'forEach' },
        ),
        problem(
          'asyncForEach',
          [promiseAll(`${SAVE}async function main(names: string[]) {\n  names.forEach(async (name, index) => save(name + index));\n  await Promise.all(names.map(/* each */ async (name) => save(name)));\n}`)],
          { method: 'forEach' },
        ),
      ],
    },
    {
      // A local async function passed by name.
      code: 'async function saveOne(name: string) {\n  return name;\n}\nasync function main(names: string[]) {\n  names.forEach(saveOne);\n}',
      errors: [
        problem(
          'asyncForEach',
          [promiseAll('async function saveOne(name: string) {\n  return name;\n}\nasync function main(names: string[]) {\n  await Promise.all(names.map(saveOne));\n}')],
          { method: 'forEach' },
        ),
      ],
    },
    {
      // Outside an async function `await` cannot be added: no suggestion.
      code: `${SAVE}function main(names: string[]) {\n  names.forEach(async (name) => {\n    await save(name);\n  });\n}`,
      errors: [problem('asyncForEach', [], { method: 'forEach' })],
    },
    {
      // The method named by a string key is the same method.
      code: `${SAVE}function main(names: string[]) {\n  names['forEach'](async (name) => {\n    await save(name);\n  });\n}`,
      errors: [problem('asyncForEach', [], { method: 'forEach' })],
    },
    {
      // Optional call: `names?.map` could give undefined to Promise.all.
      code: `${SAVE}async function main(names?: string[]) {\n  names?.forEach(async (name) => save(name));\n}`,
      errors: [problem('asyncForEach', [], { method: 'forEach' })],
    },
    // Arrays of promises.
    {
      code: `${SAVE}async function main(names: string[]) {\n  names.map(async (name) => save(name));\n}`,
      errors: [problem('floatingArray', [{ messageId: 'awaitAll', output: `${SAVE}async function main(names: string[]) {\n  await Promise.all(names.map(async (name) => save(name)));\n}` }])],
    },
    {
      code: "[fetch('/a'), fetch('/b')];",
      errors: [problem('floatingArray')],
    },
    // Listeners, timers, executors.
    {
      code: `${SAVE}import { EventEmitter } from 'node:events';\nconst emitter = new EventEmitter();\nemitter.on('data', async (chunk: string) => {\n  await save(chunk);\n});`,
      errors: [problem('asyncListener', [], { method: 'on' })],
    },
    {
      code: `${SAVE}process.once('beforeExit', async () => save('bye'));`,
      errors: [problem('asyncListener', [], { method: 'once' })],
    },
    {
      code: `${SAVE}declare const button: { addEventListener(type: string, listener: () => void): void };\nbutton.addEventListener('click', async () => {\n  await save('click');\n});`,
      errors: [problem('asyncListener', [], { method: 'addEventListener' })],
    },
    {
      code: `${SAVE}setTimeout(async () => {\n  await save('later');\n}, 10);`,
      errors: [problem('asyncTimer', [], { name: 'setTimeout' })],
    },
    {
      code: `${SAVE}setImmediate(async function tick() {\n  await save('tick');\n});`,
      errors: [problem('asyncTimer', [], { name: 'setImmediate' })],
    },
    {
      code: `${SAVE}process.nextTick(async () => save('next'));`,
      errors: [problem('asyncTimer', [], { name: 'process.nextTick' })],
    },
    {
      code: `${SAVE}import { setInterval } from 'node:timers';\nsetInterval(async () => save('poll'), 1000);`,
      errors: [problem('asyncTimer', [], { name: 'setInterval' })],
    },
    {
      code: "const ready = new Promise<string>(async (resolve) => {\n  resolve(await (await fetch('/x')).text());\n});",
      errors: [problem('asyncExecutor')],
    },
  ],
  typeAwareOnly: [
    {
      // A promise returned from the try rejects after the try is left; only the checker knows that `save` returns one.
      code: `${SAVE}${H}async function write(value: string) {\n  try {\n    return save(value);\n  } catch (error) {\n    handle(error);\n  }\n}\nwrite('x');`,
      errors: [floating(addVoid(`${SAVE}${H}async function write(value: string) {\n  try {\n    return save(value);\n  } catch (error) {\n    handle(error);\n  }\n}\nvoid write('x');`))],
    },
    {
      // Syntactic mode does not trust a re-assigned variable; the checker goes by its declared type.
      code: 'let job: () => Promise<void> | undefined = async () => {};\njob = () => undefined;\njob();',
      errors: [floating(addVoid('let job: () => Promise<void> | undefined = async () => {};\njob = () => undefined;\nvoid job();'))],
    },
    {
      // The callback-or-promise overload without a callback returns a promise.
      code: "import { query } from 'promise-driver';\nquery('select 1');",
      errors: [floating(addVoid("import { query } from 'promise-driver';\nvoid query('select 1');"))],
    },
    {
      code: "import { Collection } from 'promise-driver';\nasync function add(users: Collection) {\n  users.insert({ name: 'a' });\n}",
      errors: [
        floating(
          addAwait("import { Collection } from 'promise-driver';\nasync function add(users: Collection) {\n  await users.insert({ name: 'a' });\n}"),
          addVoid("import { Collection } from 'promise-driver';\nasync function add(users: Collection) {\n  void users.insert({ name: 'a' });\n}"),
          addReturn("import { Collection } from 'promise-driver';\nasync function add(users: Collection) {\n  return users.insert({ name: 'a' });\n}"),
        ),
      ],
    },
    {
      code: "import { exec } from 'promise-driver';\nexec('select 1');",
      errors: [floating(addVoid("import { exec } from 'promise-driver';\nvoid exec('select 1');"))],
    },
    {
      // A PromiseLike query builder, not a Promise.
      code: "import { select } from 'promise-driver';\nselect().where('id = 1');",
      errors: [floating(addVoid("import { select } from 'promise-driver';\nvoid select().where('id = 1');"))],
    },
    {
      code: "import { like } from 'promise-driver';\nlike();",
      errors: [floating(addVoid("import { like } from 'promise-driver';\nvoid like();"))],
    },
    {
      // A union with undefined.
      code: "import { maybe } from 'promise-driver';\nmaybe();",
      errors: [floating(addVoid("import { maybe } from 'promise-driver';\nvoid maybe();"))],
    },
    {
      code: "import { sql } from 'promise-driver';\nsql`select 1`;",
      errors: [floating(addVoid("import { sql } from 'promise-driver';\nvoid sql`select 1`;"))],
    },
    {
      // Getters and methods declared elsewhere.
      code: "import { Service } from 'promise-driver';\ndeclare const service: Service;\nservice.ready;\nservice.start();",
      errors: [
        floating(addVoid("import { Service } from 'promise-driver';\ndeclare const service: Service;\nvoid service.ready;\nservice.start();")),
        floating(addVoid("import { Service } from 'promise-driver';\ndeclare const service: Service;\nservice.ready;\nvoid service.start();")),
      ],
    },
    {
      code: "class Page {\n  get loaded() {\n    return fetch('/x');\n  }\n  show() {\n    this.loaded;\n    console.log('shown');\n  }\n}",
      errors: [floating(addVoid("class Page {\n  get loaded() {\n    return fetch('/x');\n  }\n  show() {\n    void this.loaded;\n    console.log('shown');\n  }\n}"))],
    },
    {
      // A parameter typed as a promise, and a function-typed callback that returns one.
      code: 'function track(job: Promise<number>) {\n  job;\n  console.log(job);\n}',
      errors: [floating(addVoid('function track(job: Promise<number>) {\n  void job;\n  console.log(job);\n}'))],
    },
    {
      // A declared (not written) async function: known from its type only.
      code: `${SAVE}function main(names: string[]) {\n  names.flatMap(save);\n}`,
      errors: [problem('floatingArray')],
    },
    {
      // A generic callee: only resolving the call shows that it returns the promise it was given.
      code: 'declare function identity<T>(value: T): T;\ndeclare const job: Promise<number>;\nidentity(job);',
      errors: [floating(addVoid('declare function identity<T>(value: T): T;\ndeclare const job: Promise<number>;\nvoid identity(job);'))],
    },
    {
      // Overloads: the callback form returns void, the other a promise; called without a callback.
      code: 'declare function read(path: string, callback: (error: Error | null) => void): void;\ndeclare function read(path: string): Promise<string>;\nread(\'a\');',
      errors: [floating(addVoid('declare function read(path: string, callback: (error: Error | null) => void): void;\ndeclare function read(path: string): Promise<string>;\nvoid read(\'a\');'))],
    },
    {
      // A non-generic callee returning an array of promises.
      code: 'declare function startAll(): Promise<void>[];\nstartAll();',
      errors: [problem('floatingArray')],
    },
    {
      // An expression-bodied arrow whose body call returns a promise.
      code: 'declare function refresh(): Promise<void>;\nsetTimeout(() => refresh(), 10);',
      errors: [problem('asyncTimer', [], { name: 'setTimeout' })],
    },
    {
      // A block-bodied callback that returns a promise.
      code: 'declare function refresh(): Promise<void>;\nsetTimeout(function () {\n  return refresh();\n}, 10);',
      errors: [problem('asyncTimer', [], { name: 'setTimeout' })],
    },
    {
      // An array of promises known only from its type.
      code: 'async function settle(jobs: Promise<void>[]) {\n  jobs;\n}',
      errors: [problem('floatingArray', [{ messageId: 'awaitAll', output: 'async function settle(jobs: Promise<void>[]) {\n  await Promise.all(jobs);\n}' }])],
    },
    {
      code: `${SAVE}declare const names: Set<string>;\nasync function main() {\n  names.forEach(save);\n}`,
      errors: [problem('asyncForEach', [], { method: 'forEach' })],
    },
  ],
  syntacticOnly: [
    {
      // An emitter whose types say it takes promise-returning listeners handles them.
      code: "import { Hooks } from 'promise-driver';\ndeclare const hooks: Hooks;\nhooks.on('deploy', async (payload) => {\n  await fetch(payload);\n});",
      errors: [problem('asyncListener', [], { method: 'on' })],
    },
    {
      // `then(1)` is not the thenable protocol: only the checker can tell.
      code: "import { chain } from 'promise-driver';\nchain().then(() => 1);",
      errors: [chain('then', addVoid("import { chain } from 'promise-driver';\nvoid chain().then(() => 1);"))],
    },
    {
      // A thenable whose `then` returns nothing gives no promise to lose.
      code: "import { lazy } from 'promise-driver';\nlazy().then((value) => console.log(value));",
      errors: [chain('then', addVoid("import { lazy } from 'promise-driver';\nvoid lazy().then((value) => console.log(value));"))],
    },
  ],
});

// The rewrites assume an array: with types, a Map receiver gets no suggestion
// (for…of would give entries) and a Set gets only for…of (a Set has no `map`).
const typeAware = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: FIXTURE_PROJECT } },
});

typeAware.run('no-floating-promise (type-aware receivers)', noFloatingPromise, {
  valid: [],
  invalid: [
    {
      code: `${SAVE}async function main(byId: Map<number, string>) {\n  byId.forEach(async (name) => save(name));\n}`,
      errors: [problem('asyncForEach', [], { method: 'forEach' })],
    },
    {
      code: `${SAVE}async function main(names: Set<string>) {\n  names.forEach(async (name) => save(name));\n}`,
      errors: [
        problem('asyncForEach', [forOf(`${SAVE}async function main(names: Set<string>) {\n  for (const name of names) { await save(name); }\n}`)], {
          method: 'forEach',
        }),
      ],
    },
  ],
});
