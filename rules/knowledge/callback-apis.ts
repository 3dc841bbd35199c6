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

/** Global functions that call their callback later and ignore its return value. */
export const TIMER_FUNCTIONS: ReadonlySet<string> = new Set([
  'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback',
]);

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
