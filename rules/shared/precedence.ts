import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * Whether `await <node>` must be wrapped in parentheses where `node` stands:
 * `(await readFile(p)).toString()`, `(await f())()`, `(await a) ** 2`.
 */
export function needsParenthesesAsAwaitOperand(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    default:
      return false;
  }
}
