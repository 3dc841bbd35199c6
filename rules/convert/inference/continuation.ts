import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../../shared/async-context';
import { awaitsBefore, awaitsIn, loopAwaits, type LoopNode } from './loop-awaits';
import { refuse, type Refused } from '../types';

/** Where a call's continuation ends: its function, and the innermost loop whose iteration it ends. */
export interface Continuation {
  readonly owner: FunctionNode;
  /** Set when the statement ends an iteration of a loop that already awaits on every iteration. */
  readonly loop: LoopNode | undefined;
}

/**
 * The function whose continuation `statement` is: the statement is the last
 * thing that function does (nothing follows it in its block, nor in the
 * blocks and `if` branches around it), so awaiting there runs nothing later
 * than before.
 */
export function continuationOwner(statement: TSESTree.Statement): FunctionNode | Refused {
  const found = continuation(statement, false);
  return 'kind' in found ? found : found.owner;
}

/**
 * {@link continuationOwner}, also through loops whose iterations already
 * wait: the statement ends its iteration, and on every iteration an `await`
 * runs before it (in the body, in an `if` test on the way, in the loop's
 * test, or `for await`) or after it (the `do…while` test, the `for` update).
 * Each iteration already waits, so it may as well wait for the call; the
 * loop itself must be its function's continuation, like any other statement.
 */
export function iterationContinuation(statement: TSESTree.Statement): Continuation | Refused {
  return continuation(statement, true);
}

function continuation(statement: TSESTree.Statement, throughAwaitingLoops: boolean): Continuation | Refused {
  let node: TSESTree.Node = statement;
  let loop: LoopNode | undefined;
  // An `await` has run earlier in the innermost iteration around `node` (and so in every outer one).
  let awaited = false;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent == null) return refuse('top-level');
    switch (parent.type) {
      case AST_NODE_TYPES.BlockStatement: {
        const index = parent.body.indexOf(node as TSESTree.Statement);
        const after = parent.body.slice(index + 1);
        if (after.some((next) => next.type !== AST_NODE_TYPES.EmptyStatement && next.type !== AST_NODE_TYPES.FunctionDeclaration)) {
          return refuse('code-after');
        }
        if (isFunctionNode(parent.parent)) return { owner: parent.parent, loop };
        if (throughAwaitingLoops) awaited ||= parent.body.slice(0, index).some(awaitsBefore);
        break;
      }
      case AST_NODE_TYPES.IfStatement:
        if ((parent.test as TSESTree.Node) === node) return refuse('result-used');
        if (throughAwaitingLoops) awaited ||= awaitsIn(parent.test);
        break;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        if (!throughAwaitingLoops || parent.body !== node || !(awaited || loopAwaits(parent))) return refuse('in-loop');
        loop ??= parent;
        awaited = true;
        break;
      case AST_NODE_TYPES.TryStatement:
      case AST_NODE_TYPES.CatchClause:
        return refuse('in-try');
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        return refuse('top-level');
      default:
        return refuse('code-after');
    }
    node = parent;
  }
}

/**
 * The function a `return` statement leaves, wherever it stands (code after
 * it never runs after it), unless a `try` around it would catch or finish
 * differently once the returned chain becomes awaits.
 */
export function returningOwner(statement: TSESTree.ReturnStatement): FunctionNode | Refused {
  let node: TSESTree.Node = statement;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent == null || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.StaticBlock) return refuse('top-level');
    if (isFunctionNode(parent)) return parent;
    if (parent.type === AST_NODE_TYPES.TryStatement || parent.type === AST_NODE_TYPES.CatchClause) return refuse('in-try');
    node = parent;
  }
}
