import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../shared/async-context';

/**
 * The statements opening a callback function that pick its callback out of
 * the arguments, the way callback-era APIs take optional arguments:
 *
 *   if (typeof options === 'function') { callback = options; options = {}; }
 *   callback = callback || function () {};
 */
export interface OptionalArguments {
  /** The opening statements (the conversion removes them; a callback adapter keeps them). */
  readonly statements: readonly TSESTree.Statement[];
  /** The parameter before the callback that callers may leave out, and what it is then. */
  readonly shuffled: { readonly parameter: TSESTree.Identifier; readonly fallback: TSESTree.Expression } | undefined;
}

const NONE: OptionalArguments = { statements: [], shuffled: undefined };

export function optionalArguments(fn: FunctionNode): OptionalArguments {
  const callback = fn.params.at(-1);
  const before = fn.params.at(-2);
  if (callback?.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) return NONE;
  const statements: TSESTree.Statement[] = [];
  let shuffled: OptionalArguments['shuffled'];
  const body = fn.body.body;
  for (let index = 0; index < body.length; index++) {
    const statement = body[index] as TSESTree.Statement;
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive != null) continue;
    const parameter = before?.type === AST_NODE_TYPES.Identifier && shuffled === undefined ? before : undefined;
    const shuffle = parameter === undefined ? undefined : shuffleOf(statement, parameter, callback.name);
    const pair = parameter === undefined || shuffle !== undefined ? undefined : ternaryShuffleOf(statement, body[index + 1], parameter, callback.name);
    if (parameter !== undefined && shuffle !== undefined) {
      shuffled = { parameter, fallback: shuffle };
      statements.push(statement);
    } else if (parameter !== undefined && pair !== undefined) {
      shuffled = { parameter, fallback: pair };
      statements.push(statement, body[index + 1] as TSESTree.Statement);
      index++;
    } else if (isDefaultCallback(statement, callback.name)) {
      statements.push(statement);
    } else break;
  }
  return statements.length === 0 ? NONE : { statements, shuffled };
}

/** Names a callback parameter goes by. */
export const CALLBACK_NAME = /^(?:cb|callback|done|next|cont|fn|func|handler|onDone|onComplete|complete|finish)\d*$|(?:Callback|Cb|Done)$/;

/**
 * Whether `call` passes the callback last: every argument, or one fewer
 * where the function takes an optional argument before the callback. Then
 * the last argument must plainly be a callback (a function written there,
 * or a callback's name): `f(a, b, x)` could also be a call without one.
 */
export function arityFits(fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  const count = call.arguments.length;
  return count === fn.params.length || (count === fn.params.length - 1 && optionalArguments(fn).shuffled !== undefined && isPlainlyCallback(call.arguments.at(-1)));
}

export function isPlainlyCallback(node: TSESTree.Node | undefined): boolean {
  if (node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression) return true;
  return node?.type === AST_NODE_TYPES.Identifier && CALLBACK_NAME.test(node.name);
}

/** `if (typeof options === 'function') { callback = options; options = <fallback>; }`: the fallback. */
function shuffleOf(statement: TSESTree.Statement, parameter: TSESTree.Identifier, callback: string): TSESTree.Expression | undefined {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate != null || !isTypeofFunction(statement.test, parameter.name)) return undefined;
  const body = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [];
  const [first, second, ...rest] = body;
  if (rest.length > 0 || first === undefined || second === undefined) return undefined;
  const moved = assignment(first);
  const fallback = assignment(second);
  if (moved?.target !== callback || moved.value.type !== AST_NODE_TYPES.Identifier || moved.value.name !== parameter.name) return undefined;
  return fallback?.target === parameter.name ? fallback.value : undefined;
}

/**
 * `callback = typeof options === 'function' ? options : callback;` then
 * `options = typeof options === 'function' ? <fallback> : options;`: the
 * same shuffle written as two conditionals. The fallback.
 */
function ternaryShuffleOf(first: TSESTree.Statement, second: TSESTree.Statement | undefined, parameter: TSESTree.Identifier, callback: string): TSESTree.Expression | undefined {
  const moved = assignment(first);
  const fallback = second === undefined ? undefined : assignment(second);
  if (moved?.target !== callback || fallback?.target !== parameter.name) return undefined;
  const pick = moved.value;
  const keep = fallback.value;
  if (pick.type !== AST_NODE_TYPES.ConditionalExpression || keep.type !== AST_NODE_TYPES.ConditionalExpression) return undefined;
  if (!isTypeofFunction(pick.test, parameter.name) || !isTypeofFunction(keep.test, parameter.name)) return undefined;
  const named = (node: TSESTree.Expression, name: string): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === name;
  return named(pick.consequent, parameter.name) && named(pick.alternate, callback) && named(keep.alternate, parameter.name) ? keep.consequent : undefined;
}

/** `callback = callback || function () {}` (or `?? noop`). */
function isDefaultCallback(statement: TSESTree.Statement, callback: string): boolean {
  const made = assignment(statement);
  if (made?.target !== callback || made.value.type !== AST_NODE_TYPES.LogicalExpression || made.value.operator === '&&') return false;
  const { left, right } = made.value;
  return left.type === AST_NODE_TYPES.Identifier && left.name === callback && (right.type === AST_NODE_TYPES.Identifier || right.type === AST_NODE_TYPES.FunctionExpression || right.type === AST_NODE_TYPES.ArrowFunctionExpression);
}

function assignment(statement: TSESTree.Statement): { target: string; value: TSESTree.Expression } | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = statement.expression;
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=' || expression.left.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { target: expression.left.name, value: expression.right };
}

function isTypeofFunction(test: TSESTree.Expression, name: string): boolean {
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return false;
  const [typeOf, literal] = test.left.type === AST_NODE_TYPES.UnaryExpression ? [test.left, test.right] : [test.right, test.left];
  return (
    typeOf.type === AST_NODE_TYPES.UnaryExpression &&
    typeOf.operator === 'typeof' &&
    typeOf.argument.type === AST_NODE_TYPES.Identifier &&
    typeOf.argument.name === name &&
    literal.type === AST_NODE_TYPES.Literal &&
    literal.value === 'function'
  );
}

/** A fallback that means the same as a default parameter value: literals and literal objects and arrays, no names. */
export function isPlainFallback(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0;
    case AST_NODE_TYPES.Identifier:
      return node.name === 'undefined';
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '-' && isPlainFallback(node.argument);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element !== null && isPlainFallback(element));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.kind === 'init' && !property.method && isPlainFallback(property.value));
    default:
      return false;
  }
}
