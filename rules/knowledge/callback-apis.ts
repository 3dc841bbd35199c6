/**
 * Which callees run their callback synchronously, later, or as an event.
 * Shared by no-sync-in-async (sync callbacks inherit the async context),
 * max-callback-depth and no-floating-promise.
 */

/** Methods that call their callback before they return (arrays, typed arrays, Map/Set, iterators). */
export const SYNC_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex',
  'findLast', 'findLastIndex', 'flatMap', 'sort', 'toSorted', 'from', 'fromAsync', 'groupBy',
  'replace', 'replaceAll',
]);

/** Test-framework blocks: nesting them is structure, not callback hell. */
export const TEST_FRAMEWORK_FUNCTIONS: ReadonlySet<string> = new Set([
  'describe', 'it', 'test', 'suite', 'context', 'specify',
  'before', 'after', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'setup', 'teardown',
  'suiteSetup', 'suiteTeardown',
]);

/** Methods that register a listener whose return value is ignored. */
export const EVENT_METHODS: ReadonlySet<string> = new Set([
  'on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener',
]);

/**
 * jQuery-style event shorthands (`$(el).click(function (e) { … })`): the `e`
 * there is an event object, the most common non-error `e` in browser code.
 */
export const EVENT_SHORTHAND_METHODS: ReadonlySet<string> = new Set([
  'click', 'dblclick', 'contextmenu', 'submit', 'keyup', 'keydown', 'keypress', 'focus', 'blur', 'focusin',
  'focusout', 'hover', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave', 'mousedown', 'mouseup',
  'mousemove', 'scroll', 'resize', 'touchstart', 'touchend', 'touchmove', 'bind', 'unbind', 'delegate',
  'undelegate', 'live', 'die', 'one',
]);

/** Methods that take a listener back off: the function passed is a listener, not a callback. */
export const LISTENER_REMOVAL_METHODS: ReadonlySet<string> = new Set(['removeListener', 'removeEventListener', 'off']);

/** Global functions that call their callback later and ignore its return value. */
export const TIMER_FUNCTIONS: ReadonlySet<string> = new Set([
  'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback',
]);

/**
 * Modules whose `map`/`each`/`filter`/`reduce`… take asynchronous iterators:
 * `async.map(items, (item, done) => …, callback)` is a continuation, not an
 * array method, even though the name is the same.
 */
export const ASYNC_COLLECTION_MODULES: ReadonlySet<string> = new Set([
  'async', 'async-es', 'neo-async', 'bluebird',
]);

/** Modifiers of test-framework blocks: `describe.only`, `it.skip`, `test.each(table)`. */
export const TEST_FRAMEWORK_MODIFIERS: ReadonlySet<string> = new Set([
  'only', 'skip', 'todo', 'each', 'concurrent', 'sequential', 'serial', 'failing', 'fails',
  'skipIf', 'runIf', 'shuffle', 'for',
]);

/**
 * Types whose callback-taking methods all call the callback before they
 * return, whatever the method's name (`map.forEach`, `set.forEach`,
 * iterator helpers, `str.replace(re, fn)`). Arrays and tuples are
 * recognised by the checker directly.
 */
export const SYNC_CALLBACK_RECEIVER_TYPES: ReadonlySet<string> = new Set([
  'Array', 'ReadonlyArray', 'ArrayConstructor', 'String', 'StringConstructor',
  'Map', 'ReadonlyMap', 'WeakMap', 'Set', 'ReadonlySet', 'WeakSet',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Buffer',
  'Iterator', 'IteratorObject', 'ArrayIterator', 'MapIterator', 'SetIterator', 'StringIterator',
  'Generator', 'IterableIterator', 'NodeList', 'NodeListOf', 'URLSearchParams', 'Headers', 'FormData',
  // `JSON.parse(text, reviver)`, `JSON.stringify(value, replacer)`, `Object.groupBy`, `Map.groupBy`.
  'JSON', 'ObjectConstructor', 'MapConstructor',
]);

/** Names of the error parameter of an error-first callback, by convention. */
export const ERROR_PARAMETER_NAMES: ReadonlySet<string> = new Set(['err', 'error']);

/**
 * Array methods that take their callback as the first argument. The same
 * name with the function further right (`Model.find(query, (err, docs) => …)`)
 * is another API.
 */
export const CALLBACK_FIRST_ARRAY_METHODS: ReadonlySet<string> = new Set([
  'forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex',
  'findLast', 'findLastIndex', 'flatMap', 'sort', 'toSorted',
]);

/** Assertions that call the function they are given before they return. */
export const SYNC_ASSERTION_METHODS: ReadonlySet<string> = new Set(['throws', 'doesNotThrow']);

/**
 * Module wrappers of bundlers and loaders (`define(['dep'], function (dep) {…})`,
 * rollup's `createCommonjsModule`, esbuild's `__commonJS`): the module body,
 * not a continuation.
 */
export const MODULE_WRAPPER_FUNCTIONS: ReadonlySet<string> = new Set([
  'define', 'createCommonjsModule', '__commonJS', '__esm',
]);

/** Test blocks that take a title first: `suite.describe(title, fn)`, `t.test(name, fn)`. */
export const TITLED_TEST_BLOCKS: ReadonlySet<string> = new Set(['describe', 'it', 'test', 'suite', 'context', 'specify']);

/** Promise methods: their callbacks get a value or a rejection reason, never an error-first pair. */
export const PROMISE_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * Parameter names that by convention hold the caller's own error-first
 * callback (`function load(p, callback)`, Express's `next`, mocha's `done`):
 * where an error can be forwarded to.
 */
export const ERROR_FIRST_CALLBACK_PARAMETER_NAMES: readonly string[] = ['callback', 'cb', 'done', 'next'];

/** The same names, for lookups: the continuation parameter of an asynchronous iterator (`async.map(xs, (x, done) => …)`). */
export const CONTINUATION_PARAMETER_NAMES: ReadonlySet<string> = new Set(ERROR_FIRST_CALLBACK_PARAMETER_NAMES);

/** The default pattern for names of a callback's error parameter when nothing better is known. */
export const ERROR_PARAMETER_PATTERN = '^(?:e|er|err|error|ex|[a-zA-Z]\\w*(?:Err|Error))$';

/**
 * Methods that register a callback and ignore what it returns, besides the
 * event methods: an `async` function may be passed to them unchanged.
 */
export const LISTENER_TAKING_METHODS: ReadonlySet<string> = new Set(['createServer', 'listen', 'close']);

/**
 * Promise libraries whose promises have methods native ones lack
 * (`.spread`, `.tap`): a function returning one must keep returning it.
 */
export const PROMISE_LIBRARIES: ReadonlySet<string> = new Set(['bluebird', 'q', 'when', 'rsvp', 'es6-promise', 'pinkie-promise', 'promise']);

/**
 * Iteration methods that call their callback and throw away what it returns:
 * an async callback's promise is never awaited and its rejection is lost.
 */
export const RETURN_IGNORING_ITERATION_METHODS: ReadonlySet<string> = new Set(['forEach']);

/** Functions, by qualified name, that call their callback later and ignore its return value (besides the timers). */
export const DEFERRED_CALLBACK_FUNCTIONS: ReadonlySet<string> = new Set(['process.nextTick']);

/** Modules whose timer exports behave like the global timers. */
export const TIMER_MODULES: ReadonlySet<string> = new Set(['', 'timers']);

/** Static methods of the global `Promise` that return a promise. */
export const PROMISE_RETURNING_STATICS: ReadonlySet<string> = new Set([
  'resolve', 'reject', 'all', 'allSettled', 'race', 'any', 'try',
]);

/** Functions, by qualified name, that turn a callback API into a promise-returning function. */
export const PROMISIFY_FUNCTIONS: ReadonlySet<string> = new Set(['util.promisify']);

/** Array methods that return what their callback returns, one per element: with an async callback, an array of promises. */
export const PROMISE_ARRAY_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap']);
