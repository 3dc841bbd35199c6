import { AST_TOKEN_TYPES, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../../shared/async-context';
import type { ThisMember } from './then-chain';

/**
 * Whether `.then(this.parse)` may become `this.parse(value)`. The chain
 * calls the handler with `this` undefined and reads `this.parse` before
 * waiting; the call reads it after and binds `this`. The same only when the
 * member is a private method (TypeScript `private` or `#parse`) of the
 * enclosing class, of the same `static`-ness, that uses neither `this`,
 * `super` nor `arguments` (or a private field holding an arrow function),
 * and nothing in the file assigns a member of that name.
 */
export function isPrivateThisFreeMethod(handler: ThisMember, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const property = handler.property;
  if (property.type !== AST_NODE_TYPES.Identifier && property.type !== AST_NODE_TYPES.PrivateIdentifier) return false;
  const name = property.name;
  // The function whose `this` it is: the nearest non-arrow function, a class method or field initializer.
  let member: TSESTree.Node | undefined;
  for (let node: TSESTree.Node | undefined = handler.parent; node !== undefined; node = node.parent) {
    if (node.type === AST_NODE_TYPES.PropertyDefinition) {
      member = node;
      break;
    }
    if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      member = node.parent.type === AST_NODE_TYPES.MethodDefinition ? node.parent : undefined;
      break;
    }
  }
  if (member?.type !== AST_NODE_TYPES.MethodDefinition && member?.type !== AST_NODE_TYPES.PropertyDefinition) return false;
  const classBody = member.parent;
  if (classBody.type !== AST_NODE_TYPES.ClassBody) return false;
  const isStatic = member.static;
  const targets = classBody.body.filter(
    (element): element is TSESTree.MethodDefinition | TSESTree.PropertyDefinition =>
      (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
      !element.computed &&
      element.static === isStatic &&
      (element.key.type === AST_NODE_TYPES.Identifier || element.key.type === AST_NODE_TYPES.PrivateIdentifier) &&
      element.key.type === property.type &&
      element.key.name === name,
  );
  const target = targets.length === 1 ? targets[0] : undefined;
  if (target === undefined) return false;
  if (target.key.type !== AST_NODE_TYPES.PrivateIdentifier && target.accessibility !== 'private') return false;
  if (target.type === AST_NODE_TYPES.MethodDefinition) {
    if (target.kind !== 'method' || target.value.type !== AST_NODE_TYPES.FunctionExpression || target.value.generator || usesThisSuperOrArguments(target.value, sourceCode)) return false;
  } else {
    const value = target.value;
    if (value?.type !== AST_NODE_TYPES.ArrowFunctionExpression && !(value?.type === AST_NODE_TYPES.FunctionExpression && !usesThisSuperOrArguments(value, sourceCode))) return false;
  }
  return !assignsMember(sourceCode, name);
}

function usesThisSuperOrArguments(fn: TSESTree.FunctionExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.getTokens(fn.body).some((token) => (token.type === AST_TOKEN_TYPES.Keyword || token.type === AST_TOKEN_TYPES.Identifier) && ['this', 'super', 'arguments'].includes(token.value));
}

/** `x.name = …`, `x.name++`, `delete x.name`, `[x.name] = …`, `for (x.name of …)` anywhere in the file. */
function assignsMember(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && 'name' in node.property && node.property.name === name && isWritten(node)) {
      found = true;
      return;
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item !== null && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') visit(item as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  return found;
}

function isWritten(node: TSESTree.MemberExpression): boolean {
  const parent = node.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.left === node;
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete';
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
      return true;
    case AST_NODE_TYPES.Property:
      return parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === node;
    default:
      return false;
  }
}
