import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { noFloatingPromise, type MessageIds, type Options } from '../../rules/no-floating-promise';
import { runInBothModes } from './rule-tester';

type TestError = InvalidTestCase<MessageIds, Options>['errors'][number];

function problem(messageId: MessageIds, data?: Record<string, string>, line?: number): TestError {
  return { messageId, suggestions: [], ...(data === undefined ? {} : { data }), ...(line === undefined ? {} : { line }) };
}
const voidArgument = (line?: number): TestError => problem('asyncVoidArgument', undefined, line);

const FS_ASYNC_CALLBACK = "const fs = require('fs');\nfs.readFile('a', async (err, data) => {\n  await fetch(String(data));\n});";
const LOAD =
  "function load(path, cb) {\n  if (!path) return cb(new Error('no path'));\n  cb(null, path);\n}\n";

// Promise-returning functions where the place's type says `void` (type-aware only), and
// async functions passed as error-first callbacks (both modes).
runInBothModes('no-floating-promise (void return, error-first callbacks)', noFloatingPromise, {
  valid: [
    "import * as fs from 'node:fs';\nfs.readFile('a', (err, data) => {\n  console.log(err, data);\n});",
    `${LOAD}load('x', (err, value) => {\n  console.log(err, value);\n});`,
    // Called with a value, not error first: not an error-first callback.
    "function each(items, fn) {\n  for (const item of items) fn(item);\n}\neach([1], async (x) => x);",
    // The parameter admits promise-returning functions.
    'declare function run(cb: () => Promise<void> | void): void;\nrun(async () => {});',
    // One overload takes a promise-returning callback at that position.
    'declare function on(cb: () => void): void;\ndeclare function on(cb: () => Promise<void>): void;\non(async () => {});',
    // `finally` waits for its callback's promise.
    'async function f() {\n  await Promise.resolve().finally(async () => {});\n}',
    'declare function fire(cb: () => void): void;\nfire(() => {});',
    // Known-safe calls: by name, and by package.
    { code: 'declare function fire(cb: () => void): void;\nfire(async () => {});', options: [{ allowForKnownSafeCalls: ['fire'] }] },
    { code: FS_ASYNC_CALLBACK, options: [{ allowForKnownSafeCalls: [{ from: 'package', package: 'node:fs', name: 'readFile' }] }] },
    { code: "async function flush() {}\nflush();", options: [{ allowForKnownSafeCalls: ['flush'] }] },
    // Known-safe promise types (types only; without types nothing is known of `make()` anyway).
    {
      code: 'type SafePromise = Promise<number> & { readonly safe: true };\ndeclare function make(): SafePromise;\nmake();',
      options: [{ allowForKnownSafePromises: ['SafePromise'] }],
    },
    { code: 'declare function make(): Promise<number>;\nmake();', options: [{ allowForKnownSafePromises: [{ from: 'lib', name: 'Promise' }] }] },
    { code: 'declare function fire(cb: () => void): void;\nfire(async () => {});', options: [{ allowForKnownSafeCalls: [{ from: 'file', name: 'fire' }] }] },
    { code: "import { query } from 'promise-driver';\nquery('select 1');", options: [{ allowForKnownSafeCalls: [{ from: 'package', package: 'promise-driver', name: 'query' }] }] },
    // The void-return check can be turned off, or per place.
    { code: 'const f: () => void = async () => {};', options: [{ checksVoidReturn: false }] },
    { code: 'const f: () => void = async () => {};', options: [{ checksVoidReturn: { variables: false } }] },
    // A function that returns nothing is fine where `void` is expected.
    'const handlers: { onDone: () => void } = { onDone: () => {} };',
    'interface Job {\n  run(): void;\n}\nclass Save implements Job {\n  run() {}\n}',
    'declare const a: Array<number> | undefined;\na;',
    'class Base {\n  count = 0;\n  stop(): void {}\n}\nclass Child extends Base {\n  count = 1;\n  stop() {\n    return undefined;\n  }\n}',
  ],
  invalid: [
    // Error-first callbacks of the knowledge table's APIs and of same-file functions.
    { code: FS_ASYNC_CALLBACK, errors: [problem('asyncErrorFirstCallback', { name: 'fs.readFile' }, 2)] },
    {
      code: "import { stat } from 'node:fs';\ndeclare function save(value: string): Promise<void>;\nstat('a', async function (err, stats) {\n  await save(String(stats));\n});",
      errors: [problem('asyncErrorFirstCallback', { name: 'fs.stat' }, 3)],
    },
    { code: `${LOAD}load('x', async (err, value) => {\n  await fetch(value);\n});`, errors: [problem('asyncErrorFirstCallback', { name: 'load' }, 5)] },
    {
      code: `${LOAD}async function onLoad(err, value) {\n  await fetch(value);\n}\nload('x', onLoad);`,
      errors: [problem('asyncErrorFirstCallback', { name: 'load' }, 8)],
    },
    // Known-safe calls do not cover other functions.
    { code: FS_ASYNC_CALLBACK, options: [{ allowForKnownSafeCalls: ['stat'] }], errors: [problem('asyncErrorFirstCallback', { name: 'fs.readFile' })] },
  ],
  typeAwareOnly: [
    // typescript-eslint's no-misused-promises cases, restated.
    {
      code: "declare function fnWithCallback(arg: string, cb: (err: any, res: string) => void): void;\nfnWithCallback('val', async (err, res) => {\n  await res;\n});",
      errors: [voidArgument(2)],
    },
    {
      code: "declare function fnWithCallback(arg: string, cb: (err: any, res: string) => void): void;\nfnWithCallback('val', (err, res) => Promise.resolve(res));",
      errors: [voidArgument(2)],
    },
    {
      // The overload with the `void` callback is the only one taking a callback first.
      code: 'declare function run(cb: () => void): void;\ndeclare function run(name: string, cb: () => Promise<void>): void;\nrun(async () => {});',
      errors: [voidArgument(3)],
    },
    {
      code: 'declare function all(...callbacks: Array<() => void>): void;\nall(() => {}, async () => {});',
      errors: [{ ...voidArgument(2), column: 15 }],
    },
    {
      code: 'declare function all(...callbacks: Array<() => void>): void;\ndeclare const cbs: Array<() => Promise<boolean>>;\nall(...cbs);',
      errors: [voidArgument(3)],
    },
    {
      code: 'declare function later(cb: undefined | (() => void)): void;\ndeclare const job: undefined | (() => Promise<void>);\nlater(job);',
      errors: [voidArgument(3)],
    },
    {
      code: 'declare const useCallback: <T extends (...args: unknown[]) => unknown>(fn: T) => T;\nuseCallback<() => void>(async () => {});',
      errors: [voidArgument(2)],
    },
    {
      code: 'const Button = (props: { onClick: () => void }) => null;\n<Button onClick={async () => 0} />;',
      filename: 'react.tsx',
      errors: [problem('asyncVoidAttribute', { name: 'onClick' }, 2)],
    },
    {
      code: 'const handlers: { onDone: () => void } = { onDone: async () => {} };',
      errors: [problem('asyncVoidProperty', { name: 'onDone' })],
    },
    {
      code: 'const handlers: { onDone(): void } = {\n  async onDone() {},\n};',
      errors: [problem('asyncVoidProperty', { name: 'onDone' }, 2)],
    },
    {
      code: 'const handlers: Record<string, () => void> = { save: async () => {} };',
      errors: [problem('asyncVoidProperty', { name: 'save' })],
    },
    { code: 'const f: () => void = async () => {};', errors: [problem('asyncVoidVariable', { name: 'f' })] },
    { code: 'let f: () => void;\nf = async () => {};', errors: [problem('asyncVoidVariable', { name: 'f' }, 2)] },
    {
      code: 'interface Job {\n  run(): void;\n}\nclass Save implements Job {\n  async run() {}\n}',
      errors: [problem('asyncVoidInheritedMethod', { name: 'run', base: 'Job' }, 5)],
    },
    {
      code: 'class Base {\n  stop(): void {}\n}\nclass Child extends Base {\n  stop = async (): Promise<void> => {};\n}',
      errors: [problem('asyncVoidInheritedMethod', { name: 'stop', base: 'Base' }, 5)],
    },
    {
      code: 'interface Job {\n  run(): void;\n}\ninterface AsyncJob extends Job {\n  run(): Promise<void>;\n}',
      errors: [problem('asyncVoidInheritedMethod', { name: 'run', base: 'Job' }, 5)],
    },
    {
      code: 'abstract class Base {\n  abstract stop(): void;\n}\nabstract class Child extends Base {\n  abstract stop(): Promise<void>;\n}',
      errors: [problem('asyncVoidInheritedMethod', { name: 'stop', base: 'Base' }, 5)],
    },
    // Arrays and tuples of promises as statements.
    { code: 'declare const a: Array<Promise<number>> | undefined;\na;', errors: [problem('floatingArray', undefined, 2)] },
    { code: 'declare const t: [Promise<number>, string];\nt;', errors: [problem('floatingArray', undefined, 2)] },
    {
      code: 'async function f<T extends Array<Promise<number>>>(list: T) {\n  list;\n}',
      errors: [{ ...problem('floatingArray', undefined, 2), suggestions: [{ messageId: 'awaitAll', output: 'async function f<T extends Array<Promise<number>>>(list: T) {\n  await Promise.all(list);\n}' }] }],
    },
    { code: 'declare const holder: { list: Promise<void>[] };\nholder.list;', errors: [problem('floatingArray', undefined, 2)] },
    {
      code: "import { query } from 'promise-driver';\nquery('select 1');",
      options: [{ allowForKnownSafeCalls: [{ from: 'package', package: 'other-driver', name: 'query' }] }],
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'addVoid', output: "import { query } from 'promise-driver';\nvoid query('select 1');" }] }],
    },
    // A known-safe promise type allows only itself.
    {
      code: 'type SafePromise = Promise<number> & { readonly safe: true };\ndeclare function make(): Promise<number>;\nmake();',
      options: [{ allowForKnownSafePromises: ['SafePromise'] }],
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'addVoid', output: 'type SafePromise = Promise<number> & { readonly safe: true };\ndeclare function make(): Promise<number>;\nvoid make();' }] }],
    },
    {
      code: 'type SafePromise = Promise<number> & { readonly safe: true };\ndeclare function make(): SafePromise;\nmake();',
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'addVoid', output: 'type SafePromise = Promise<number> & { readonly safe: true };\ndeclare function make(): SafePromise;\nvoid make();' }] }],
    },
  ],
});
