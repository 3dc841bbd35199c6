import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { EVENT_METHODS, LISTENER_TAKING_METHODS, TIMER_FUNCTIONS } from '../../knowledge/callback-apis';
import { isFunctionNode, type FunctionNode } from '../../shared/async-context';
import { resolveApi } from '../inference/detect';
import { editFixer } from '../text/text-edits';
import { refuse, type Refused, type TextEdit } from '../types';
import { calleeName } from '../../shared/callee-name';

/**
 * Checks that `owner` can become `async` without anyone noticing: nobody
 * uses what it returns (it now returns a promise that settles later), and no
 * caller catches its synchronous exceptions (they now reject). Returns the
 * edits making it async (none when it already is).
 */
export function makeOwnerAsync(
  owner: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): TextEdit[] | Refused {
  if (owner.generator) return refuse('owner-kind');
  const parent = owner.parent;
  if (
    parent.type === AST_NODE_TYPES.MethodDefinition ||
    parent.type === AST_NODE_TYPES.Property ||
    parent.type === AST_NODE_TYPES.PropertyDefinition ||
    parent.type === AST_NODE_TYPES.TSAbstractMethodDefinition
  ) {
    return refuse('owner-kind');
  }
  const callersOk = isFunctionExpressionArgument(owner) ? isResultIgnoringCallee(owner, sourceCode, services) : callersIgnoreResult(owner, sourceCode, services);
  if (!callersOk) return refuse('owner-result-used');
  if (owner.async) return [];
  const edits: TextEdit[] = [editFixer.insertTextBefore(owner, 'async ')];
  const returnType = owner.returnType?.typeAnnotation;
  if (returnType !== undefined) {
    if (returnType.type !== AST_NODE_TYPES.TSVoidKeyword) return refuse('owner-return-type');
    edits.push(editFixer.replaceText(returnType, 'Promise<void>'));
  }
  return edits;
}

function isFunctionExpressionArgument(owner: FunctionNode): boolean {
  return owner.type !== AST_NODE_TYPES.FunctionDeclaration && owner.parent.type !== AST_NODE_TYPES.VariableDeclarator;
}

/** `emitter.on('x', owner)`, `setTimeout(owner)`, `fs.readFile(p, owner)`, `(owner)()` as a statement. */
function isResultIgnoringCallee(
  fn: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  if (call.callee === fn) return call.parent.type === AST_NODE_TYPES.ExpressionStatement && !insideTry(call);
  if (!call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const name = calleeName(call.callee);
  if (name === undefined) return false;
  if (call.callee.type === AST_NODE_TYPES.MemberExpression && (EVENT_METHODS.has(name) || LISTENER_TAKING_METHODS.has(name))) return true;
  const api = resolveApi(call.callee, sourceCode, services);
  if (api?.kind === 'error-first' && call.arguments.at(-1) === fn) return true;
  if (api !== undefined && TIMER_FUNCTIONS.has(name) && call.arguments[0] === fn) return true;
  return false;
}

/** Every reference to a declared function is a call statement (or a result-ignoring registration). */
function callersIgnoreResult(
  owner: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): boolean {
  const declarator = owner.parent.type === AST_NODE_TYPES.VariableDeclarator ? owner.parent : undefined;
  const name = owner.type === AST_NODE_TYPES.FunctionDeclaration ? owner.id : declarator?.id;
  if (name?.type !== AST_NODE_TYPES.Identifier) return false;
  if (owner.parent.type === AST_NODE_TYPES.ExportNamedDeclaration || owner.parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return false;
  if (declarator !== undefined && declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(owner.type === AST_NODE_TYPES.FunctionDeclaration ? owner : declarator ?? owner), name.name);
  if (variable === null || variable.defs.length !== 1) return false;
  return variable.references.every((reference) => {
    if (reference.init === true) return true;
    if (reference.isWrite()) return false;
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) {
      const user = parent.parent;
      // `setTimeout(() => start(), 10)`: the arrow returns the value to a caller that ignores it.
      if (user.type === AST_NODE_TYPES.ArrowFunctionExpression && user.body === parent) return isResultIgnoringCallee(user, sourceCode, services);
      return user.type === AST_NODE_TYPES.ExpressionStatement && !insideTry(parent);
    }
    return isResultIgnoringCallee(identifier, sourceCode, services);
  });
}

/** Inside a `try` block of its own function: a synchronous throw there was caught. */
function insideTry(node: TSESTree.Node): boolean {
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunctionNode(current)) return false;
    if (current.type === AST_NODE_TYPES.BlockStatement && current.parent.type === AST_NODE_TYPES.TryStatement && current.parent.block === current) return true;
  }
  return false;
}
