import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../shared/async-context';
import { refuse, type Refused } from './types';

/**
 * The function whose continuation `statement` is: the statement is the last
 * thing that function does (nothing follows it in its block, nor in the
 * blocks and `if` branches around it), so awaiting there runs nothing later
 * than before.
 */
export function continuationOwner(statement: TSESTree.Statement): FunctionNode | Refused {
  let node: TSESTree.Node = statement;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent == null) return refuse('top-level');
    switch (parent.type) {
      case AST_NODE_TYPES.BlockStatement: {
        const after = parent.body.slice(parent.body.indexOf(node as TSESTree.Statement) + 1);
        if (after.some((next) => next.type !== AST_NODE_TYPES.EmptyStatement && next.type !== AST_NODE_TYPES.FunctionDeclaration)) {
          return refuse('code-after');
        }
        if (isFunctionNode(parent.parent)) return parent.parent;
        break;
      }
      case AST_NODE_TYPES.IfStatement:
        if ((parent.test as TSESTree.Node) === node) return refuse('result-used');
        break;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return refuse('in-loop');
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
