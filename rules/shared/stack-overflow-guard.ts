/**
 * A check that overflows the stack on one node gives up on that node; the
 * rule goes on with the rest of the file. The overflow seen in practice is
 * TypeScript's own: `getResolvedSignature` on
 * `wrapNode<typeof node.getNextNode<any>>(node.getNextNode)` with a
 * recursive generic recurses without end in the checker
 * (microsoft/TypeScript#63441), and used to end the whole run.
 * Our own walks are iterative or bounded; this is the net under what is not ours.
 * The message is tested with `includes`, not a regular expression: V8
 * compiling one at the edge of the stack aborts the process.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes('call stack');
}

type Listener = (first: never, second: never, third: never) => void;

export function giveUpOnStackOverflow<Listeners extends object>(listeners: Listeners): Listeners {
  const guarded: Record<string, unknown> = {};
  for (const [selector, listener] of Object.entries(listeners)) {
    if (typeof listener !== 'function') {
      guarded[selector] = listener;
      continue;
    }
    // Three parameters, not a rest array: no array per call. ESLint passes a node,
    // or at most three arguments to a code path listener (`onCodePathSegmentLoop`).
    guarded[selector] = (first: never, second: never, third: never): void => {
      try {
        (listener as Listener)(first, second, third);
      } catch (error) {
        if (!isStackOverflow(error)) throw error;
      }
    };
  }
  return guarded as Listeners;
}
