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
 * Methods that register a callback and ignore what it returns, besides the
 * event methods: an `async` function may be passed to them unchanged.
 */
export const LISTENER_TAKING_METHODS: ReadonlySet<string> = new Set(['createServer', 'listen', 'close']);

/**
 * Promise libraries whose promises have methods native ones lack
 * (`.spread`, `.tap`): a function returning one must keep returning it.
 */
export const PROMISE_LIBRARIES: ReadonlySet<string> = new Set(['bluebird', 'q', 'when', 'rsvp', 'es6-promise', 'pinkie-promise', 'promise']);
