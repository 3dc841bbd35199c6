/**
 * The knowledge table of Node.js APIs. Every rule and the conversion read
 * API facts from here; none hard-codes an API name.
 *
 * Module names are stored without the `node:` prefix.
 */

/** What the value delivered to the callback (or returned) looks like. */
export type ResultShape =
  /** `(err) => …`: nothing besides the error. */
  | { readonly kind: 'none' }
  /** `(err, value) => …`: one value, the promise resolves to it. */
  | { readonly kind: 'single' }
  /**
   * `(err, a, b) => …` where `util.promisify` has a custom implementation
   * that resolves to an object with these keys (`exec` → `{ stdout, stderr }`).
   */
  | { readonly kind: 'object'; readonly keys: readonly string[] }
  /** `(err, a, b) => …` from a contract function of the program converted to resolve to `[a, b]`. */
  | { readonly kind: 'array'; readonly count: number }
  /** Several values with no promise equivalent that keeps them all. */
  | { readonly kind: 'multiple' };

/** How to get the same operation as a promise. */
export type PromiseEquivalent =
  /** A function of a promise module with the same arguments and result. */
  | { readonly kind: 'module'; readonly module: string; readonly name: string }
  /** `util.promisify(module.name)`, whose result is given by the API's `result`. */
  | { readonly kind: 'promisify' }
  /** The callee itself, called without its callback: a function of the program converted in the same plan. */
  | { readonly kind: 'direct' }
  /**
   * `new Promise((resolve) => f(…, resolve))`: the callee itself, handed
   * `resolve` as its callback. For a callback that receives one value and
   * never an error (`fs.exists`), where no promise API gives the same value.
   * `valueType`: the type argument TypeScript files get (`new Promise<boolean>`).
   */
  | { readonly kind: 'resolver'; readonly valueType: string };

export type ApiKind =
  /** Blocks the event loop until done (`fs.readFileSync`). */
  | 'blocking'
  /** Takes an error-first callback as its last argument (`fs.readFile`). */
  | 'error-first'
  /** Takes a callback that is not error-first (`fs.exists`, `setTimeout`). */
  | 'plain-callback'
  /** Returns a promise (`fs/promises` functions, `fetch`). */
  | 'promise';

export interface NodeApi {
  readonly module: string;
  /** The export name; a dotted path for members of an export (`Atomics.wait`). */
  readonly name: string;
  readonly kind: ApiKind;
  /** For `blocking` and `error-first`: the awaitable replacement, if one exists. */
  readonly promise?: PromiseEquivalent;
  /** For `error-first`: what the callback receives after the error. */
  readonly result?: ResultShape;
  /** For `blocking`: the non-blocking API of the same module, for messages. */
  readonly asyncName?: string;
  /**
   * For `error-first`: the results are meaningful even when the error is set
   * (`exec` hands over the partial `stdout`/`stderr` of a failed command), so
   * reading them before checking the error is fine; the promise form's
   * rejection error carries them as properties of the same names
   * (`err.stdout`, `err.stderr`).
   */
  readonly resultsOnError?: boolean;
  /** The callback is the first argument (`setTimeout(cb, ms)`), not the last. */
  readonly callbackFirst?: boolean;
  /**
   * Option keys that change what the callback receives (`dns.lookup`'s `all`
   * gives an array): the conversion refuses when an options argument may set them.
   */
  readonly resultOptionKeys?: readonly string[];
  /** Most arguments besides the callback the promise equivalent takes the same way. */
  readonly maxArguments?: number;
}

const single: ResultShape = { kind: 'single' };
const none: ResultShape = { kind: 'none' };
const multiple: ResultShape = { kind: 'multiple' };

/** fs functions that exist as callback, `…Sync` and `fs/promises` versions with one result. */
const FS_WITH_PROMISE_SINGLE = [
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchmod', 'lchown', 'link',
  'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'opendir', 'readdir', 'readFile', 'readlink',
  'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink',
  'utimes', 'writeFile',
] as const;

/** fs functions whose results carry no value besides the error. */
const FS_NO_RESULT = new Set([
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchmod', 'lchown', 'link',
  'lutimes', 'rename', 'rm', 'rmdir', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
  'close', 'fchmod', 'fchown', 'fdatasync', 'fsync', 'ftruncate', 'futimes',
]);

/**
 * fs functions on file descriptors: the promise API works on FileHandle
 * objects instead, so there is no drop-in equivalent.
 */
const FS_FD_SINGLE = ['open', 'fstat'] as const;
const FS_FD_NO_RESULT = ['close', 'fchmod', 'fchown', 'fdatasync', 'fsync', 'ftruncate', 'futimes'] as const;
/** `fs.read(fd, …, (err, bytesRead, buffer))` and friends deliver several values. */
const FS_FD_MULTIPLE = ['read', 'readv', 'write', 'writev'] as const;

function fsApis(): NodeApi[] {
  const apis: NodeApi[] = [];
  for (const name of FS_WITH_PROMISE_SINGLE) {
    const promise: PromiseEquivalent = { kind: 'module', module: 'fs/promises', name };
    const result = FS_NO_RESULT.has(name) ? none : single;
    apis.push({ module: 'fs', name, kind: 'error-first', promise, result });
    apis.push({ module: 'fs', name: `${name}Sync`, kind: 'blocking', promise, asyncName: name });
    apis.push({ module: 'fs/promises', name, kind: 'promise' });
  }
  for (const name of FS_FD_SINGLE) {
    apis.push({ module: 'fs', name, kind: 'error-first', result: single, promise: { kind: 'promisify' } });
    apis.push({ module: 'fs', name: `${name}Sync`, kind: 'blocking', asyncName: name });
  }
  for (const name of FS_FD_NO_RESULT) {
    apis.push({ module: 'fs', name, kind: 'error-first', result: none, promise: { kind: 'promisify' } });
    apis.push({ module: 'fs', name: `${name}Sync`, kind: 'blocking', asyncName: name });
  }
  for (const name of FS_FD_MULTIPLE) {
    apis.push({ module: 'fs', name, kind: 'error-first', result: multiple });
    apis.push({ module: 'fs', name: `${name}Sync`, kind: 'blocking', asyncName: name });
  }
  // fs.exists calls back with a boolean, not an error: the classic trap. It calls back once, so
  // the conversion awaits it through its own callback (an injected or drop-in `fs` keeps its `exists`).
  apis.push({ module: 'fs', name: 'exists', kind: 'plain-callback', result: single, promise: { kind: 'resolver', valueType: 'boolean' } });
  // Listeners called with `(eventType, filename)` / `(current, previous)`, never an error.
  apis.push({ module: 'fs', name: 'watch', kind: 'plain-callback' });
  apis.push({ module: 'fs', name: 'watchFile', kind: 'plain-callback' });
  // Node 22+: `fs.glob(pattern, (err, matches))`; fs/promises.glob is an async iterator, not the same result.
  apis.push({ module: 'fs', name: 'glob', kind: 'error-first', result: single, promise: { kind: 'promisify' } });
  apis.push({ module: 'fs', name: 'globSync', kind: 'blocking', asyncName: 'glob' });
  apis.push({ module: 'fs', name: 'existsSync', kind: 'blocking' });
  apis.push({ module: 'fs', name: 'openAsBlob', kind: 'promise' });
  apis.push({ module: 'fs/promises', name: 'open', kind: 'promise' });
  return apis;
}

const ZLIB_CODECS = [
  'gzip', 'gunzip', 'deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'unzip',
  'brotliCompress', 'brotliDecompress', 'zstdCompress', 'zstdDecompress',
] as const;

function zlibApis(): NodeApi[] {
  return ZLIB_CODECS.flatMap((name): NodeApi[] => [
    { module: 'zlib', name, kind: 'error-first', result: single, promise: { kind: 'promisify' } },
    { module: 'zlib', name: `${name}Sync`, kind: 'blocking', promise: { kind: 'promisify' }, asyncName: name },
  ]);
}

/** crypto functions with a callback version and a `…Sync` version of the same result. */
const CRYPTO_PAIRS = ['pbkdf2', 'scrypt', 'hkdf', 'randomFill', 'generateKey', 'generatePrime', 'checkPrime'] as const;

function cryptoApis(): NodeApi[] {
  const apis: NodeApi[] = CRYPTO_PAIRS.flatMap((name): NodeApi[] => [
    { module: 'crypto', name, kind: 'error-first', result: single, promise: { kind: 'promisify' } },
    { module: 'crypto', name: `${name}Sync`, kind: 'blocking', promise: { kind: 'promisify' }, asyncName: name },
  ]);
  const keyPair: ResultShape = { kind: 'object', keys: ['publicKey', 'privateKey'] };
  apis.push(
    { module: 'crypto', name: 'generateKeyPair', kind: 'error-first', result: keyPair, promise: { kind: 'promisify' } },
    { module: 'crypto', name: 'generateKeyPairSync', kind: 'blocking', asyncName: 'generateKeyPair' },
    // randomBytes/randomInt are error-first when given a callback; without one
    // they are cheap synchronous calls and are deliberately not listed as blocking.
    { module: 'crypto', name: 'randomBytes', kind: 'error-first', result: single, promise: { kind: 'promisify' } },
    { module: 'crypto', name: 'randomInt', kind: 'error-first', result: single, promise: { kind: 'promisify' } },
    // sign/verify are error-first only when given a callback, like randomBytes.
    { module: 'crypto', name: 'sign', kind: 'error-first', result: single, promise: { kind: 'promisify' } },
    { module: 'crypto', name: 'verify', kind: 'error-first', result: single, promise: { kind: 'promisify' } },
  );
  return apis;
}

function childProcessApis(): NodeApi[] {
  const output: ResultShape = { kind: 'object', keys: ['stdout', 'stderr'] };
  return [
    { module: 'child_process', name: 'exec', kind: 'error-first', result: output, promise: { kind: 'promisify' }, resultsOnError: true },
    { module: 'child_process', name: 'execFile', kind: 'error-first', result: output, promise: { kind: 'promisify' }, resultsOnError: true },
    { module: 'child_process', name: 'execSync', kind: 'blocking', asyncName: 'exec' },
    { module: 'child_process', name: 'execFileSync', kind: 'blocking', asyncName: 'execFile' },
    { module: 'child_process', name: 'spawnSync', kind: 'blocking', asyncName: 'spawn' },
  ];
}

const DNS_SINGLE = [
  'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse',
] as const;

function dnsApis(): NodeApi[] {
  const apis: NodeApi[] = DNS_SINGLE.flatMap((name): NodeApi[] => [
    { module: 'dns', name, kind: 'error-first', result: single, promise: { kind: 'module', module: 'dns/promises', name } },
    { module: 'dns/promises', name, kind: 'promise' },
  ]);
  apis.push(
    {
      module: 'dns', name: 'lookup', kind: 'error-first',
      result: { kind: 'object', keys: ['address', 'family'] },
      promise: { kind: 'module', module: 'dns/promises', name: 'lookup' },
      resultOptionKeys: ['all'],
    },
    { module: 'dns', name: 'lookupService', kind: 'error-first', result: { kind: 'object', keys: ['hostname', 'service'] }, promise: { kind: 'module', module: 'dns/promises', name: 'lookupService' } },
    { module: 'dns/promises', name: 'lookup', kind: 'promise' },
    { module: 'dns/promises', name: 'lookupService', kind: 'promise' },
  );
  return apis;
}

function streamAndTimerApis(): NodeApi[] {
  return [
    { module: 'stream', name: 'pipeline', kind: 'error-first', result: none, promise: { kind: 'module', module: 'stream/promises', name: 'pipeline' } },
    { module: 'stream', name: 'finished', kind: 'error-first', result: none, promise: { kind: 'module', module: 'stream/promises', name: 'finished' } },
    { module: 'stream/promises', name: 'pipeline', kind: 'promise' },
    { module: 'stream/promises', name: 'finished', kind: 'promise' },
    // A timer calls back once with no error: `setTimeout(cb, ms)` is `await setTimeout(ms)` of timers/promises.
    { module: 'timers', name: 'setTimeout', kind: 'plain-callback', callbackFirst: true, maxArguments: 1, promise: { kind: 'module', module: 'timers/promises', name: 'setTimeout' } },
    { module: 'timers', name: 'setImmediate', kind: 'plain-callback', callbackFirst: true, maxArguments: 0, promise: { kind: 'module', module: 'timers/promises', name: 'setImmediate' } },
    { module: 'timers', name: 'setInterval', kind: 'plain-callback' },
    { module: 'timers/promises', name: 'setTimeout', kind: 'promise' },
    { module: 'timers/promises', name: 'setImmediate', kind: 'promise' },
    { module: 'readline/promises', name: 'Interface.question', kind: 'promise' },
    { module: 'events', name: 'once', kind: 'promise' },
    { module: 'util', name: 'promisify', kind: 'plain-callback' },
    // Globals live under the pseudo-module '' (empty string).
    { module: '', name: 'Atomics.wait', kind: 'blocking', asyncName: 'Atomics.waitAsync' },
    { module: '', name: 'fetch', kind: 'promise' },
    { module: '', name: 'setTimeout', kind: 'plain-callback', callbackFirst: true, maxArguments: 1, promise: { kind: 'module', module: 'timers/promises', name: 'setTimeout' } },
    { module: '', name: 'setImmediate', kind: 'plain-callback', callbackFirst: true, maxArguments: 0, promise: { kind: 'module', module: 'timers/promises', name: 'setImmediate' } },
    { module: '', name: 'setInterval', kind: 'plain-callback' },
    { module: '', name: 'queueMicrotask', kind: 'plain-callback' },
    { module: '', name: 'process.nextTick', kind: 'plain-callback' },
  ];
}

/** Servers and requests whose callback receives a request, a response or a socket, never an error. */
function networkApis(): NodeApi[] {
  const listeners: [string, string[]][] = [
    ['http', ['createServer', 'get', 'request']],
    ['https', ['createServer', 'get', 'request']],
    ['http2', ['createServer', 'createSecureServer', 'connect']],
    ['net', ['createServer', 'connect', 'createConnection']],
    ['tls', ['createServer', 'connect']],
    ['dgram', ['createSocket']],
  ];
  return listeners.flatMap(([module, names]) => names.map((name): NodeApi => ({ module, name, kind: 'plain-callback' })));
}

/** Every API the project knows about. */
export const NODE_APIS: readonly NodeApi[] = [
  ...fsApis(),
  ...zlibApis(),
  ...cryptoApis(),
  ...childProcessApis(),
  ...dnsApis(),
  ...streamAndTimerApis(),
  ...networkApis(),
];

/** Modules all of whose functions return promises. */
export const PROMISE_MODULES: ReadonlySet<string> = new Set([
  'fs/promises', 'dns/promises', 'stream/promises', 'timers/promises', 'readline/promises',
]);

/** `fs.promises` is `fs/promises`, `dns.promises` is `dns/promises`, … */
export const PROMISES_NAMESPACE_OF: ReadonlyMap<string, string> = new Map([
  ['fs', 'fs/promises'],
  ['dns', 'dns/promises'],
  ['stream', 'stream/promises'],
  ['timers', 'timers/promises'],
  ['readline', 'readline/promises'],
]);

/** The module that every `…Sync` export of it blocks, so unknown future `…Sync` names count too. */
export const BLOCKING_SYNC_MODULES: ReadonlySet<string> = new Set(['fs', 'zlib', 'crypto', 'child_process']);
