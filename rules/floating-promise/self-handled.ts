import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../shared/async-context';
import { skipTypeWrappers, type PromiseDetector } from '../shared/promise-detection';
import { isNode, ownReturnValues } from './never-rejects';

/**
 * A function whose promise cannot reject because it catches its own errors:
 * every statement of its body is a `try` with a `catch` that neither throws
 * nor awaits (and a `finally`, if any, of statements that cannot throw: no
 * `await`, `throw`, or call other than `resolve()`/`reject()` of an
 * enclosing `new Promise` executor)
 * (before it, only declarations that cannot throw; around it, `if`s on plain
 * values and bare `return`s), or it returns `x.catch(h)` / `x.then(a, h)`
 * (a function that is not `async`: whatever comes before, as it throws
 * synchronously rather than rejecting, when every `return` gives such a
 * handled value or no promise).
 * A `return` inside the `try` or the `catch` gives back a settled value
 * (`await x`, or a value the rule does not take for a promise), not a
 * promise that could still reject after the `try` is left; the parameters
 * are plain names (a default value or a destructuring could throw before
 * the body runs), and so is the catch clause's.
 * Such a call, or such a function given as a listener or timer callback, is
 * not floating: its caller has no rejection to handle.
 */
export function createSelfHandledCheck(
  detector: PromiseDetector,
  sourceCode: Readonly<TSESLint.SourceCode>,
  isPromiseValue: (node: TSESTree.Node) => boolean,
): (node: TSESTree.Node) => boolean {
  const verdicts = new WeakMap<FunctionNode, boolean>();

  /** `resolve()` / `reject(error)` where the name is the first or second parameter of a `new Promise(…)` executor: it cannot throw. */
  function isSettlingCall(node: TSESTree.Expression): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.optional || node.callee.type !== AST_NODE_TYPES.Identifier) return false;
    if (!node.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isInert(argument))) return false;
    const name = node.callee.name;
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.callee);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== TSESLint.Scope.DefinitionType.Parameter || !isFunctionNode(definition.node)) return false;
    const executor = definition.node;
    const index = executor.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === name);
    if (index !== 0 && index !== 1) return false;
    if (variable?.references.some((reference) => reference.isWrite())) return false;
    const outer = executor.parent;
    return outer.type === AST_NODE_TYPES.NewExpression && outer.arguments[0] === executor && outer.callee.type === AST_NODE_TYPES.Identifier && outer.callee.name === 'Promise';
  }

  function catchesOwnErrors(fn: FunctionNode, depth: number): boolean {
    const known = verdicts.get(fn);
    if (known !== undefined) return known;
    verdicts.set(fn, false);
    const body = fn.body;
    const verdict =
      body.type === AST_NODE_TYPES.BlockStatement
        ? (fn.params.every(isPlainParameter) && body.body.length > 0 && body.body.every((statement) => isSafeStatement(statement, { isAsync: fn.async, isSettlingCall, isPromiseValue })) && body.body.some(containsHandledTry))
          || isHandledReturnOnly(body)
          || (!fn.async && returnsOnlyHandled(body, depth))
        : isHandledValue(body, depth);
    verdicts.set(fn, verdict);
    return verdict;
  }

  /** `() => x.catch(h)`, `() => other()` where `other` catches its own errors. */
  function isHandledValue(node: TSESTree.Node, depth: number): boolean {
    const value = skipTypeWrappers(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    if (isRejectionHandled(value)) return true;
    if (depth <= 0) return false;
    const callee = detector.localFunction(value.callee);
    return callee !== undefined && catchesOwnErrors(callee, depth - 1);
  }

  /**
   * A function that is not `async` returns its only promise: what runs before
   * a `return` throws synchronously (to its caller), it does not reject. When
   * every `return` gives a handled value (`x.then(a, h)`, `x.catch(h)`, a call
   * of a function that catches its own errors) or no promise, nothing rejects.
   */
  function returnsOnlyHandled(body: TSESTree.BlockStatement, depth: number): boolean {
    const values = ownReturnValues(body);
    return values.some((value) => value !== undefined && isHandledValue(value, depth)) && values.every((value) => value === undefined || isHandledValue(value, depth) || !isPromiseValue(value));
  }

  function isHandledReturnOnly(body: TSESTree.BlockStatement): boolean {
    const [only] = body.body;
    return body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement && only.argument != null && isHandledValue(only.argument, 0);
  }

  return (node) => {
    const target = skipTypeWrappers(node);
    const fn = isFunctionNode(target) ? target : detector.localFunction(target);
    return fn !== undefined && !fn.generator && catchesOwnErrors(fn, 1);
  };
}

function isRejectionHandled(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  const handler = call.arguments[callee.property.name === 'catch' ? 0 : callee.property.name === 'then' ? 1 : -1];
  // `.catch(undefined)` / `.then(f, null)` handle nothing.
  return handler !== undefined && handler.type !== AST_NODE_TYPES.SpreadElement && !(handler.type === AST_NODE_TYPES.Literal && handler.value === null) && !(handler.type === AST_NODE_TYPES.Identifier && handler.name === 'undefined');
}

/** `value`, `retry = false`, `...rest`: nothing runs (or throws) before the body. */
function isPlainParameter(parameter: TSESTree.Parameter): boolean {
  switch (parameter.type) {
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.AssignmentPattern:
      return parameter.left.type === AST_NODE_TYPES.Identifier && isInert(parameter.right);
    case AST_NODE_TYPES.RestElement:
      return parameter.argument.type === AST_NODE_TYPES.Identifier;
    default:
      return false;
  }
}

/**
 * A `try` whose rejection cannot escape: a `catch` (its parameter a plain name,
 * not a destructuring that throws on `null`) that neither throws nor awaits,
 * a `finally` that cannot throw, and every `return` in the `try` and the
 * `catch` giving a settled value.
 */
function isHandledTry(statement: TSESTree.TryStatement, context: SafetyContext): boolean {
  const handler = statement.handler;
  if (handler == null || (handler.param != null && handler.param.type !== AST_NODE_TYPES.Identifier)) return false;
  if (canReject(handler.body)) return false;
  if (statement.finalizer != null && !statement.finalizer.body.every((inner) => isSafeStatement(inner, context))) return false;
  return returnsSettledValues(statement.block, context) && returnsSettledValues(handler.body, context);
}

/**
 * Every `return x` in the block (not in a nested function) gives a value that
 * is not a pending promise: `await x` (in an async function; its rejection is
 * caught by the `try`), or a value the rule does not take for a promise (the
 * same judgement as for a floating call: with types, the checker's). A
 * returned promise would reject after the `try` is left.
 */
function returnsSettledValues(node: TSESTree.Node, context: SafetyContext): boolean {
  return ownReturnValues(node).every((value) => value === undefined || isSettledValue(value, context));
}

function isSettledValue(node: TSESTree.Node, context: SafetyContext): boolean {
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) return context.isAsync;
  return !context.isPromiseValue(value);
}

interface SafetyContext {
  /** `await x` gives a settled value only in an async function. */
  readonly isAsync: boolean;
  readonly isSettlingCall: (node: TSESTree.Expression) => boolean;
  /** The rule's own judgement of a value (the checker's, with types). */
  readonly isPromiseValue: (node: TSESTree.Node) => boolean;
}

function isSafeStatement(statement: TSESTree.Statement, context: SafetyContext): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.TryStatement:
      return isHandledTry(statement, context);
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.every((declarator) => declarator.init == null || isInert(declarator.init));
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument == null;
    case AST_NODE_TYPES.ExpressionStatement:
      // `this.timer = null`, `batching = new Map()`, `resolve()` of an enclosing `new Promise`.
      return (statement.expression.type === AST_NODE_TYPES.AssignmentExpression && isInert(statement.expression.left) && isInert(statement.expression.right)) || context.isSettlingCall(statement.expression);
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((inner) => isSafeStatement(inner, context));
    case AST_NODE_TYPES.IfStatement:
      return isInert(statement.test) && isSafeStatement(statement.consequent, context) && (statement.alternate == null || isSafeStatement(statement.alternate, context));
    default:
      return false;
  }
}

function containsHandledTry(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.TryStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) return statement.body.some(containsHandledTry);
  if (statement.type === AST_NODE_TYPES.IfStatement) return containsHandledTry(statement.consequent) || (statement.alternate != null && containsHandledTry(statement.alternate));
  return false;
}

const EMPTY_COLLECTIONS: ReadonlySet<string> = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);

/** Values that cannot throw: literals, names, functions, member reads, empty collections, and operators on those (no calls). */
function isInert(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.every(isInert);
    case AST_NODE_TYPES.MemberExpression:
      return isInert(value.object) && (!value.computed || isInert(value.property));
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator !== 'delete' && isInert(value.argument);
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator !== 'in' && value.operator !== 'instanceof' && isInert(value.left) && isInert(value.right);
    case AST_NODE_TYPES.LogicalExpression:
      return isInert(value.left) && isInert(value.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return isInert(value.test) && isInert(value.consequent) && isInert(value.alternate);
    case AST_NODE_TYPES.NewExpression:
      return value.arguments.length === 0 && value.callee.type === AST_NODE_TYPES.Identifier && EMPTY_COLLECTIONS.has(value.callee.name);
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.length === 0;
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.every((element) => element === null || (element.type !== AST_NODE_TYPES.SpreadElement && isInert(element)));
    default:
      return false;
  }
}

/** A `throw` or an `await` (its promise may reject) in the block itself, not in a nested function. */
function canReject(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.AwaitExpression) return true;
  if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return false;
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(child)) {
      if (child.some((item) => isNode(item) && canReject(item))) return true;
    } else if (isNode(child) && canReject(child)) return true;
  }
  return false;
}

