import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { TraversalRecord } from './traversal-record';

type Segment = TSESLint.CodePathSegment;

/** How often the events happen on the paths of one function that return normally. */
export type PathVerdict =
  | { readonly kind: 'once' }
  /** Some path returns without an event; `at` is a node of that path when one is known. */
  | { readonly kind: 'never'; readonly at: TSESTree.Node | undefined }
  /** Some path has two events (or one in a loop). */
  | { readonly kind: 'twice'; readonly first: TSESTree.Node; readonly second: TSESTree.Node };

/** Counts 0, 1 and "2 or more", each with the events of one path that gave it. */
type Counts = Map<0 | 1 | 2, readonly TSESTree.Node[]>;

/**
 * Whether every path through `fn` that ends normally (returns or falls off
 * its end) runs exactly one of `events`. Paths that end by throwing are not
 * counted: they end the program, before and after a conversion. Loops are
 * handled by iterating to a fixed point: an event inside a loop counts twice.
 */
export function countOnEveryPath(fn: TSESTree.Node, events: readonly TSESTree.Node[], record: TraversalRecord): PathVerdict | undefined {
  const codePath = record.pathOf.get(fn);
  if (codePath === undefined) return undefined;
  const eventsIn = new Map<Segment, TSESTree.Node[]>();
  for (const event of events) {
    for (const segment of record.segmentsOf.get(event) ?? []) {
      const list = eventsIn.get(segment) ?? [];
      list.push(event);
      eventsIn.set(segment, list);
    }
  }
  const out = new Map<Segment, Counts>();
  const work: Segment[] = [codePath.initialSegment];
  // Each segment's counts only grow, over three values: this ends.
  while (work.length > 0) {
    const segment = work.pop() as Segment;
    const incoming: Counts = segment === codePath.initialSegment ? new Map<0 | 1 | 2, readonly TSESTree.Node[]>([[0, []]]) : new Map<0 | 1 | 2, readonly TSESTree.Node[]>();
    for (const previous of segment.prevSegments) {
      for (const [count, witness] of out.get(previous) ?? []) if (!incoming.has(count)) incoming.set(count, witness);
    }
    const added = eventsIn.get(segment) ?? [];
    const counts: Counts = new Map();
    for (const [count, witness] of incoming) {
      const next = Math.min(2, count + added.length) as 0 | 1 | 2;
      if (!counts.has(next)) counts.set(next, [...witness, ...added].slice(0, 2));
    }
    const before = out.get(segment);
    if (before !== undefined && [...counts.keys()].every((count) => before.has(count))) continue;
    const merged: Counts = new Map(before ?? []);
    for (const [count, witness] of counts) if (!merged.has(count)) merged.set(count, witness);
    out.set(segment, merged);
    work.push(...segment.nextSegments);
  }
  for (const segment of codePath.returnedSegments) {
    const counts = out.get(segment);
    if (counts === undefined || !segment.reachable) continue;
    const twice = counts.get(2);
    if (twice !== undefined) return { kind: 'twice', first: twice[0] as TSESTree.Node, second: (twice[1] ?? twice[0]) as TSESTree.Node };
    if (counts.has(0)) return { kind: 'never', at: returnOf(segment, record) ?? record.startOf.get(segment) };
  }
  return { kind: 'once' };
}

/** A `return` statement that ran in the segment, to point at it. */
function returnOf(segment: Segment, record: TraversalRecord): TSESTree.Node | undefined {
  for (const [node, segments] of record.segmentsOf) if (node.type === AST_NODE_TYPES.ReturnStatement && segments.includes(segment)) return node;
  return undefined;
}
