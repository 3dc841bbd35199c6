import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../shared/async-context';
import { returnTypeOf } from '../shared/optional-keys';

/** Where `await` is a legal operator: directly inside an async function (not at the top level: the file may be CommonJS). */
export function canAwaitAt(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current != null; current = current.parent) {
    if (isFunctionNode(current)) return current.async;
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return false;
  }
  return false;
}

/** Operands that a prefix operator (`await`, `void`) would bind wrongly to without parentheses. */
export function needsParenthesesAfterPrefix(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return true;
    default:
      return false;
  }
}

/** `await x`, `void (a ? b() : c())`: the prefix inserted, parentheses added where precedence needs them. */
export function prefixFix(
  fixer: TSESLint.RuleFixer,
  node: TSESTree.Node,
  prefix: string,
): TSESLint.RuleFix[] {
  if (!needsParenthesesAfterPrefix(node)) return [fixer.insertTextBefore(node, `${prefix} `)];
  return [fixer.insertTextBefore(node, `${prefix} (`), fixer.insertTextAfter(node, ')')];
}

/**
 * `return` is offered only for the last statement directly in a function body
 * whose return value nobody relies on being something else: no declared
 * return type, not a constructor, setter or generator.
 */
export function canReturnFrom(statement: TSESTree.ExpressionStatement): boolean {
  const block = statement.parent;
  if (block.type !== AST_NODE_TYPES.BlockStatement || block.body.at(-1) !== statement) return false;
  const fn = block.parent;
  if (!isFunctionNode(fn) || fn.body !== block || fn.generator || returnTypeOf(fn) !== undefined) return false;
  const owner = fn.parent;
  if (owner.type === AST_NODE_TYPES.MethodDefinition && (owner.kind === 'constructor' || owner.kind === 'set')) return false;
  if (owner.type === AST_NODE_TYPES.Property && owner.kind === 'set') return false;
  return true;
}
