import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../shared/async-context';

type CodePath = TSESLint.CodePath;
type Segment = TSESLint.CodePathSegment;

/**
 * What ESLint's walk of one file showed, kept for the questions the
 * conversion asks afterwards: the code paths of its functions (ESLint's
 * code-path analysis: "on every path of this function, is the callback
 * called exactly once?"), its functions and its member accesses. Filled by
 * {@link traversalRecorder}.
 */
export interface TraversalRecord {
  /** The code path of a function (or of the Program). */
  readonly pathOf: ReadonlyMap<TSESTree.Node, CodePath>;
  /** The segments a call or `return` ran in, within its innermost function's code path. */
  readonly segmentsOf: ReadonlyMap<TSESTree.Node, readonly Segment[]>;
  /** The node that opened each segment, to name a place in messages. */
  readonly startOf: ReadonlyMap<Segment, TSESTree.Node>;
  readonly functions: readonly FunctionNode[];
  /** Member accesses with a name (`a.b`, `a['b']`): the possible method calls. */
  readonly members: readonly TSESTree.MemberExpression[];
}

interface Frame {
  readonly current: Set<Segment>;
}

export function traversalRecorder(): { readonly record: TraversalRecord; readonly listener: TSESLint.RuleListener } {
  const pathOf = new Map<TSESTree.Node, CodePath>();
  const segmentsOf = new Map<TSESTree.Node, readonly Segment[]>();
  const startOf = new Map<Segment, TSESTree.Node>();
  const functions: FunctionNode[] = [];
  const members: TSESTree.MemberExpression[] = [];
  const frames: Frame[] = [];
  const enter = (segment: Segment, node: TSESTree.Node): void => {
    frames.at(-1)?.current.add(segment);
    startOf.set(segment, node);
  };
  const leave = (segment: Segment): void => {
    frames.at(-1)?.current.delete(segment);
  };
  const remember = (node: TSESTree.Node): void => {
    const frame = frames.at(-1);
    if (frame !== undefined) segmentsOf.set(node, [...frame.current]);
  };
  const addFunction = (node: FunctionNode): void => {
    functions.push(node);
  };
  const handlers = {
    onCodePathStart(codePath: CodePath, node: TSESTree.Node): void {
      frames.push({ current: new Set() });
      pathOf.set(node, codePath);
    },
    onCodePathEnd(): void {
      frames.pop();
    },
    onCodePathSegmentStart: enter,
    onCodePathSegmentEnd: leave,
    onUnreachableCodePathSegmentStart: enter,
    onUnreachableCodePathSegmentEnd: leave,
    'CallExpression:exit': remember,
    ReturnStatement: remember,
    FunctionDeclaration: addFunction,
    FunctionExpression: addFunction,
    ArrowFunctionExpression: addFunction,
    MemberExpression(node: TSESTree.MemberExpression): void {
      members.push(node);
    },
  };
  // typescript-eslint's listener type does not declare ESLint's code-path events.
  return { record: { pathOf, segmentsOf, startOf, functions, members }, listener: handlers as unknown as TSESLint.RuleListener };
}
