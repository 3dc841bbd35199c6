/**
 * Why the conversion leaves a call alone. Ids are stable (the CLI report and
 * the evaluation count by them); the texts are for people.
 */
export const REFUSAL_REASONS = {
  'callback-not-inline': 'the callback is not a function written at the call, so it may be called from elsewhere',
  'unknown-api': 'the callee is not known to call back once, asynchronously, with an error first (for a function whose body can be read: it may call back synchronously, twice, or from elsewhere; with types, its declared type does not say so)',
  'kept-contract': 'the callee is a function of the program that keeps its callback: the report\'s list of functions says why (the detail names it and the place)',
  'public-adapter': 'the callee converts, but it is public API and this file reaches it through the callback adapter of its export, which outside callers keep using (`--api dual` or `--api promise` let the callers of the run await it)',
  'not-error-first': 'the callee calls back without an error first (event-style or plain callback)',
  'no-promise-equivalent': 'the API has no promise equivalent that takes the same arguments',
  'multiple-results': 'the callback takes several results that the promise equivalent does not return',
  'result-option': 'an options argument may change what the API delivers (e.g. `all`)',
  'spread-arguments': 'spread arguments hide which one is the callback',
  'result-used': 'the value the call returns is used',
  'code-after': 'code after the call would run later once awaited (ordering change)',
  'in-loop': 'the call is inside a loop that does not already await on every iteration, or it is a `.then` chain inside any loop: iterations would become sequential',
  'return-in-inner-loop': 'the call ends a loop\'s iteration and its callback returns from inside a loop of its own: that `return` cannot become the `continue` of the outer loop',
  'var-in-loop': 'the call ends a loop\'s iteration and its callback declares a `var`: moved into the loop, one binding would be shared by every iteration instead of one per call',
  'in-try': 'the call is inside try/catch/finally, which would start catching the callback\'s errors',
  'top-level': 'the call is not inside a function',
  'contract-breach': 'the function does not keep an error-first contract (called back exactly once, later, on every path, the callback going nowhere else): the detail names the place',
  'contract-caller': 'a caller or a use of the function cannot follow its conversion (its result is used, an argument is missing, it is read where its class is unknown, or it is exported in a way the adapter does not cover)',
  'owner-kind': 'the enclosing function cannot be made async (generator, getter, setter, constructor or method)',
  'owner-result-used': 'the enclosing function\'s return value or callers may be affected by making it async',
  'owner-return-type': 'the enclosing function declares a return type other than void',
  'this-or-arguments': '`this` or `arguments` inside the callback would change meaning',
  'callback-shape': 'the callback is async, a generator, or has default, rest or destructured parameters (or an optional argument before it falls back to more than a plain value)',
  'error-shape': 'the error is used in a way the conversion does not map (it must be checked first: `if (err) …`)',
  'error-falls-through': 'the error branch does not stop, so the success code also runs on error',
  'results-in-handler': 'the error handler uses the results, which the rejection does not carry',
  'not-node': 'the file shows no sign of running on Node.js (no Node.js built-in imported, no Node.js global such as `process`, `require`, `module`, `exports`, `__dirname` or `setImmediate`, no `engines.node` in the nearest package.json; or it checks where it runs with `typeof window`/`typeof process`), and the promise API needs a Node.js import',
  'unparsable': 'the rewritten file would not parse (a bug of the conversion: please report it)',
  'comment-in-callee': 'a comment would be lost (inside the callee, or where the new layout has no place for it)',
  'chain-shape': 'the outermost link of the chain has two handlers (`.then(onOk, onErr)`) or a handler that is not a function written there, a function declared in the file, a private method that uses no `this`, or (files on disk) a function exported by a relative module',
  'type-argument': 'a `.then<T>`/`.catch<T>` type argument fixes the chain\'s type, and there is no single value of that link to annotate (type arguments on several links, on a `.finally` or a `.then` after the `.catch`, on a link whose value is dropped, a handler returning from the middle of its body, or a `T` that may be a promise type while the value must be awaited)',
  'handler-returns': 'a handler returns from the middle of its body, or `.finally` returns a value',
  'custom-promise': 'the function returns the chain of a promise that may not be native (a library\'s, with methods like `.cancel()`), and its callers may rely on it',
  'owner-throws': 'the function throws before returning the chain: made async, it would reject instead of throwing',
  'result-type': 'the declared result may be `undefined` and its type cannot be written where the result is declared (TypeScript would reject the variable as used before being assigned)',
  'owner-returns': 'the function returns other values too, which would become promises',
} as const;

export type RefusalReason = keyof typeof REFUSAL_REASONS;
