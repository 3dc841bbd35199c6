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

/** Promise methods: their callbacks get a value or a rejection reason, never an error-first pair. */
export const PROMISE_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * Parameter names that by convention hold the caller's own error-first
 * callback (`function load(p, callback)`, Express's `next`, mocha's `done`):
 * where an error can be forwarded to.
 */
export const ERROR_FIRST_CALLBACK_PARAMETER_NAMES: readonly string[] = ['callback', 'cb', 'done', 'next'];

/** The default pattern for names of a callback's error parameter when nothing better is known. */
export const ERROR_PARAMETER_PATTERN = '^(?:e|er|err|error|ex|[a-zA-Z]\\w*(?:Err|Error))$';
