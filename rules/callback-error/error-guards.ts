import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../shared/async-context';
import { errorBranchOf, isProcessExit, mayExit } from './error-uses';

/**
 * Code that runs only when the error is set: the error branch of
 * `if (err) …`, or the right side of a statement `err && cb(err);` (the
 * short-circuit form of the same `if`, without a way to return).
 */
export type ErrorGuard =
  | { readonly kind: 'if'; readonly statement: TSESTree.IfStatement; readonly test: TSESTree.Node; readonly branch: TSESTree.Statement; readonly branchMayExit: boolean }
  | {
      readonly kind: 'and';
      readonly statement: TSESTree.ExpressionStatement;
      readonly test: TSESTree.Node;
      readonly branch: TSESTree.Expression;
      readonly branchMayExit: boolean;
    };

/** The guard whose test holds the mention `node` of the error, within `fn`'s own code; undefined when its test has no clear error branch. */
export function errorGuardOf(node: TSESTree.Node, fn: FunctionNode): ErrorGuard | undefined {
  const ifStatement = enclosingIfTest(node, fn);
  if (ifStatement !== undefined) {
    const side = errorBranchOf(ifStatement.test, node);
    const branch = side === 'consequent' ? ifStatement.consequent : side === 'alternate' ? ifStatement.alternate : null;
    if (branch == null) return undefined;
    return { statement: ifStatement, test: ifStatement.test, branch, branchMayExit: mayExit(branch), kind: 'if' };
  }
  const and = enclosingAndStatement(node, fn);
  if (and === undefined) return undefined;
  const { statement, logical } = and;
  // `!err && use(data)` runs its right side without an error: that is the success path.
  if (errorBranchOf(logical.left, node) !== 'consequent') return undefined;
  return { statement, test: logical.left, branch: logical.right, branchMayExit: isProcessExit(logical.right), kind: 'and' };
}

/** The `if` whose test holds `node`, within `fn`'s own code. */
function enclosingIfTest(node: TSESTree.Node, fn: FunctionNode): TSESTree.IfStatement | undefined {
  for (let current: TSESTree.Node | undefined = node; current != null && current !== fn; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.IfStatement) return parent.test === current && nearestFunction(parent) === fn ? parent : undefined;
    if (parent == null || isFunction(parent)) return undefined;
    if (parent.type.endsWith('Statement') || parent.type === AST_NODE_TYPES.VariableDeclaration) return undefined;
  }
  return undefined;
}

/** `err && cb(err);` as a statement of its own, `node` in the left side. */
function enclosingAndStatement(
  node: TSESTree.Node,
  fn: FunctionNode,
): { statement: TSESTree.ExpressionStatement; logical: TSESTree.LogicalExpression } | undefined {
  for (let current: TSESTree.Node | undefined = node; current != null && current !== fn; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent == null || isFunction(parent) || parent.type.endsWith('Statement')) return undefined;
    if (parent.type !== AST_NODE_TYPES.LogicalExpression) continue;
    const statement = parent.parent;
    if (parent.operator !== '&&' || parent.left !== current || statement?.type !== AST_NODE_TYPES.ExpressionStatement || nearestFunction(statement) !== fn) continue;
    return { statement, logical: parent };
  }
  return undefined;
}

function isFunction(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration;
}

function nearestFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}
