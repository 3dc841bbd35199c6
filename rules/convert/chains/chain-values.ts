import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

// What the chain conversion knows of a handler's value: whether to await it, parenthesise it, write it at all.

const PRIMARY = new Set<string>([
  AST_NODE_TYPES.Identifier, AST_NODE_TYPES.Literal, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.NewExpression, AST_NODE_TYPES.TemplateLiteral, AST_NODE_TYPES.ArrayExpression, AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ThisExpression, AST_NODE_TYPES.TaggedTemplateExpression, AST_NODE_TYPES.AwaitExpression,
]);

/** `await a || b` would await only `a`. */
export function awaitOperand(text: string, node: TSESTree.Node | undefined): string {
  return node === undefined || PRIMARY.has(node.type) ? text : `(${text})`;
}

const NEVER_PROMISE = new Set<string>([
  AST_NODE_TYPES.UpdateExpression, AST_NODE_TYPES.Literal, AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression, AST_NODE_TYPES.UnaryExpression, AST_NODE_TYPES.ArrayExpression,
]);

function staticKey(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal ? String(key.value) : undefined;
}

/** Values that are certainly not promises: awaiting them would only add a tick. */
export function isPlainlySync(node: TSESTree.Node | undefined): boolean {
  if (node === undefined) return false;
  if (NEVER_PROMISE.has(node.type)) return true;
  // `x = p` is worth `p`; `x += 1` is a number or a string.
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return ['=', '||=', '&&=', '??='].includes(node.operator) ? isPlainlySync(node.right) : true;
  // An object literal without a `then` is not a thenable.
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    return node.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && staticKey(property.key) !== 'then');
  }
  if (node.type === AST_NODE_TYPES.NewExpression) return !(node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise');
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'console'
  );
}

/** Whether evaluating the value may do something (a literal does nothing). */
export function hasEffects(node: TSESTree.Node | undefined): boolean {
  if (node === undefined) return false;
  if (node.type === AST_NODE_TYPES.Literal || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')) return false;
  return !(node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0);
}

/** An expression as a statement, protected against ASI in semicolon-free files. */
export function expressionStatement(text: string, semi: string): string {
  return semi === '' && /^[[(`+\-/]/.test(text) ? `;${text}` : `${text}${semi}`;
}
