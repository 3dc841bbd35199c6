import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../shared/async-context';
import { resolveApi } from '../inference/detect';
import { chainMethodOf } from './then-chain';
import { returnTypeOf, typeAnnotationOf } from '../../shared/optional-keys';

const PROMISE_STATICS = new Set(['resolve', 'reject', 'all', 'allSettled', 'race', 'any', 'withResolvers']);

/**
 * Whether a function returning `base.then(…)` may return a native promise
 * instead: the base is one (a promise API of the knowledge table, the global
 * `Promise`, an async function of the file, or typed `Promise` by the
 * checker), or nobody can tell the difference (the function is a chain
 * handler, or every caller only awaits or chains standard methods). A
 * library's promise (`.cancel()`, `.timeout()`, `.spread()`) must not be
 * swapped behind its callers' backs.
 */
export function mayReturnNativePromise(
  base: TSESTree.Expression,
  owner: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): boolean {
  return isNativePromise(base, sourceCode, services) || callersOnlyAwait(owner, sourceCode);
}

/** A native promise, or a `.then/.catch/.finally` chain on one. */
export function returnsNativePromise(value: TSESTree.Expression, sourceCode: Readonly<TSESLint.SourceCode>, services: ParserServicesWithTypeInformation | undefined): boolean {
  let base = value;
  while (base.type === AST_NODE_TYPES.CallExpression && chainMethodOf(base) !== undefined) base = (base.callee as TSESTree.MemberExpression).object;
  return isNativePromise(base, sourceCode, services);
}

function isNativePromise(base: TSESTree.Expression, sourceCode: Readonly<TSESLint.SourceCode>, services: ParserServicesWithTypeInformation | undefined, seen = new Set<TSESTree.Node>()): boolean {
  if (services !== undefined && isPromiseTyped(base, services)) return true;
  if (base.type === AST_NODE_TYPES.NewExpression) return isGlobalPromise(base.callee, sourceCode);
  if (base.type === AST_NODE_TYPES.Identifier) return declaredAsPromise(base, sourceCode) || boundToNativePromise(base, sourceCode, services, seen);
  if (base.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = base.callee;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    PROMISE_STATICS.has(callee.property.name) &&
    isGlobalPromise(callee.object, sourceCode)
  ) {
    return true;
  }
  if (resolveApi(callee, sourceCode, services)?.kind === 'promise') return true;
  if (callee.type === AST_NODE_TYPES.Identifier && declaredAsPromise(callee, sourceCode)) return true;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
    const node = definition?.type === DefinitionType.FunctionName ? definition.node : definition?.type === DefinitionType.Variable ? definition.node.init : undefined;
    return (node?.type === AST_NODE_TYPES.FunctionDeclaration || node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression) && node.async;
  }
  return false;
}

function isGlobalPromise(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== 'Promise') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  return variable === null || variable.defs.length === 0;
}

/**
 * `let x = fetch(url).then(…)` written once and never again: `x` holds that
 * native promise wherever it is read (`return x.catch(…)`).
 */
function boundToNativePromise(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>, services: ParserServicesWithTypeInformation | undefined, seen: Set<TSESTree.Node>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable == null || definition?.type !== DefinitionType.Variable || definition.node.id.type !== AST_NODE_TYPES.Identifier) return false;
  const init = definition.node.init;
  if (init == null || seen.has(init) || variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return false;
  seen.add(init);
  let root: TSESTree.Expression = init;
  while (root.type === AST_NODE_TYPES.CallExpression && chainMethodOf(root) !== undefined) root = (root.callee as TSESTree.MemberExpression).object;
  return isNativePromise(root, sourceCode, services, seen);
}

/** The checker's type is the standard library's `Promise`. */
function isPromiseTyped(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const type = services.program.getTypeChecker().getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
  const symbol = type.getSymbol();
  return symbol?.getName() === 'Promise' && (symbol.declarations ?? []).some((declaration) => /[\\/]lib\.[\w.]*\.d\.ts$/.test(declaration.getSourceFile().fileName));
}

/** A chain handler, or a file-local function whose every call is awaited, chained, returned or dropped. */
function callersOnlyAwait(owner: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = owner.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(owner as TSESTree.CallExpressionArgument) && chainMethodOf(parent) !== undefined) return true;
  const declarator = parent.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.kind === 'const' && parent.parent.parent.type !== AST_NODE_TYPES.ExportNamedDeclaration ? parent : undefined;
  const id = owner.type === AST_NODE_TYPES.FunctionDeclaration && parent.type !== AST_NODE_TYPES.ExportNamedDeclaration && parent.type !== AST_NODE_TYPES.ExportDefaultDeclaration ? owner.id : declarator?.id;
  if (id?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(owner.type === AST_NODE_TYPES.FunctionDeclaration ? owner : parent), id.name);
  if (variable === null || variable.defs.length !== 1 || !variable.references.some((reference) => reference.init !== true)) return false;
  return variable.references.every((reference) => {
    if (reference.init === true) return true;
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return false;
    const user = call.parent;
    if (user.type === AST_NODE_TYPES.AwaitExpression || user.type === AST_NODE_TYPES.ExpressionStatement || user.type === AST_NODE_TYPES.ReturnStatement) return true;
    return user.type === AST_NODE_TYPES.MemberExpression && user.object === call && user.parent.type === AST_NODE_TYPES.CallExpression && chainMethodOf(user.parent) !== undefined;
  });
}

/**
 * Declared with the type `Promise<…>` (a parameter or variable), or a call
 * of a function declared to return it. Callers type-checked against the
 * standard `Promise` cannot use a library promise's extra methods, so a
 * native promise in its place goes unnoticed.
 */
function declaredAsPromise(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (variable === null || variable.defs.length === 0) return false;
  const isCall = identifier.parent.type === AST_NODE_TYPES.CallExpression && identifier.parent.callee === identifier;
  return variable.defs.every((definition) => {
    if (isCall) {
      const node = definition.type === DefinitionType.FunctionName ? definition.node : definition.type === DefinitionType.Variable ? definition.node.init : undefined;
      const isFunction = node?.type === AST_NODE_TYPES.FunctionDeclaration || node?.type === AST_NODE_TYPES.TSDeclareFunction || node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
      return isFunction && isPromiseAnnotation(returnTypeOf(node), sourceCode);
    }
    if (definition.type !== DefinitionType.Parameter && definition.type !== DefinitionType.Variable) return false;
    const name = definition.name;
    return name.type === AST_NODE_TYPES.Identifier && isPromiseAnnotation(typeAnnotationOf(name), sourceCode);
  });
}

function isPromiseAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && isGlobalPromise(type.typeName, sourceCode);
}
