import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type LoopNode = TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

export function isLoop(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

/** The loop waits on every iteration by itself: `for await`, or an `await` in the test or the update. */
export function loopAwaits(loop: LoopNode): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForOfStatement:
      return loop.await;
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return awaitsIn(loop.test);
    case AST_NODE_TYPES.ForStatement:
      return (loop.test !== null && awaitsIn(loop.test)) || (loop.update !== null && awaitsIn(loop.update));
    case AST_NODE_TYPES.ForInStatement:
      return false;
  }
}

/**
 * A statement that has surely awaited once it completed normally: an
 * `await` in an expression statement, a declaration, an `if` test, or such
 * statements in a block. Branches, loops and `try` may skip theirs.
 */
export function awaitsBefore(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return awaitsIn(statement.expression);
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.some((declarator) => declarator.init !== null && awaitsIn(declarator.init));
    case AST_NODE_TYPES.IfStatement:
      return awaitsIn(statement.test);
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(awaitsBefore);
    default:
      return false;
  }
}

/** The expression evaluates an `await` whenever it is evaluated (not in a nested function, nor a branch that may be skipped). */
export function awaitsIn(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return true;
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.ChainExpression:
      return false;
    case AST_NODE_TYPES.LogicalExpression:
      return awaitsIn(node.left);
    case AST_NODE_TYPES.ConditionalExpression:
      return awaitsIn(node.test);
    case AST_NODE_TYPES.AssignmentExpression:
      return awaitsIn(node.left) || (!['||=', '&&=', '??='].includes(node.operator) && awaitsIn(node.right));
    default:
      return childNodes(node).some(awaitsIn);
  }
}

function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'typeAnnotation' || key === 'typeArguments' || key === 'typeParameters') continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (isNode(item)) children.push(item);
    }
  }
  return children;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
