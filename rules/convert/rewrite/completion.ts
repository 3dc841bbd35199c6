import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunctionNode, type FunctionNode } from '../../shared/async-context';
import { continuationOwner } from '../inference/continuation';
import { createsError } from '../inference/detect';
import { bracedIfAlone, indentationAt } from '../text/layout';
import { renderRange } from '../text/text-edits';
import { refuse, type Refused, type TextEdit } from '../types';
import type { ChainContext } from './chain-context';
import { isErrorTest } from './error-handling';

type Variable = TSESLint.Scope.Variable;

/** The contract being converted while its levels are flattened: its callback calls become `return`/`throw`. */
export interface ContractRewrite {
  /** The callback parameter that goes away. */
  readonly callback: Variable;
  /** Error parameters of flattened levels: `null` wherever the code after the `await` runs. */
  readonly nullErrors: Set<Variable>;
  /** Calls of the contract's step functions: each becomes `return step(…)`. */
  readonly stepCalls: ReadonlySet<TSESTree.CallExpression>;
  /** The edits of the step functions, converted first: a level holding one writes them too. */
  readonly stepEdits: TextEdit[];
  /** The most results a call back hands over: above one, each `return` is an array of them. */
  readonly results: number;
}

/** `cb(…)` where `cb` is the contract's callback. */
export function isCompletionCall(node: TSESTree.Node | null | undefined, contract: ContractRewrite): node is TSESTree.CallExpression {
  return node?.type === AST_NODE_TYPES.CallExpression && contract.callback.references.some((reference) => reference.identifier === node.callee);
}

/** The callback call a statement makes: `cb(…);`, `return cb(…);`, `void cb(…);`. */
export function completionOf(statement: TSESTree.Statement, contract: ContractRewrite): TSESTree.CallExpression | undefined {
  let expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : null;
  if (expression?.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = expression.argument;
  return isCompletionCall(expression, contract) ? expression : undefined;
}

/**
 * The edits turning each callback call made directly in `owner` (the
 * function itself or a flattened level) into `return result` / `throw err`.
 * Each must end its function: code after it would be skipped by `return`.
 */
export function completionEdits(owner: FunctionNode, context: ChainContext, edits: readonly TextEdit[], dropped?: TSESTree.Node): TextEdit[] | Refused {
  const contract = context.contract;
  if (contract === undefined) return [];
  const result: TextEdit[] = [];
  const calls = [...contract.callback.references.map((reference) => reference.identifier.parent), ...contract.stepCalls];
  for (const call of calls) {
    const step = call?.type === AST_NODE_TYPES.CallExpression && contract.stepCalls.has(call);
    if (!(step || isCompletionCall(call, contract)) || enclosingFunction(call) !== owner) continue;
    // In the error check a propagating level drops: nothing of it is written.
    if (dropped !== undefined && call.range[0] >= dropped.range[0] && call.range[1] <= dropped.range[1]) continue;
    const statement = completionStatement(call);
    if (statement === undefined) return refuse('code-after');
    // `cb(err); return;`: the `return` goes with the call.
    const next = nextStatement(statement);
    const bareReturn = next?.type === AST_NODE_TYPES.ReturnStatement && next.argument === null ? next : undefined;
    const ends = statement.type === AST_NODE_TYPES.ReturnStatement ? returningOwnerThroughCatch(statement) : continuationOwner(bareReturn ?? statement);
    if ('kind' in ends) return ends;
    if (ends !== owner) return refuse('code-after');
    const text = step ? `return ${renderRange(context.sourceCode.text, call.range, [...new Set([...edits, ...contract.stepEdits])])}${context.style.semicolon ? ';' : ''}` : outcomeText(call.arguments, call, statement, context, edits);
    if (typeof text !== 'string') return text;
    result.push({ range: [statement.range[0], (bareReturn ?? statement).range[1]], text });
  }
  return result;
}

/**
 * The function a completion's `return` leaves. A `catch` clause (of a `try`
 * without `finally`) may hold one: `throw` there leaves the function as the
 * callback call did. In a `try` block it would be caught.
 */
function returningOwnerThroughCatch(statement: TSESTree.ReturnStatement): FunctionNode | Refused {
  for (let child: TSESTree.Node = statement, current = statement.parent; current != null; child = current, current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (current.type === AST_NODE_TYPES.CatchClause && current.parent.finalizer == null) continue;
    if (current.type === AST_NODE_TYPES.TryStatement && child === current.handler && current.finalizer == null) continue;
    if (current.type === AST_NODE_TYPES.TryStatement || current.type === AST_NODE_TYPES.CatchClause) return refuse('in-try');
    if (current.type === AST_NODE_TYPES.Program) return refuse('top-level');
  }
  return refuse('top-level');
}

/** The body of an arrow that is a callback call: `(err, data) => cb(err, data)`, `() => cb(null, x)`. */
export function expressionCompletionEdit(body: TSESTree.CallExpression, context: ChainContext, edits: readonly TextEdit[]): TextEdit | Refused {
  const text = outcomeText(body.arguments, body, body, context, edits);
  if (typeof text !== 'string') return text;
  if (text.includes('\n')) return refuse('error-shape');
  return { range: body.range, text: text.replace(/;$/, '') };
}

function nextStatement(statement: TSESTree.Statement): TSESTree.Statement | undefined {
  const parent = statement.parent;
  if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.Program) return undefined;
  const body = parent.body as TSESTree.Statement[];
  return body[body.indexOf(statement) + 1];
}

/** The statement a completion call stands for: `cb(…);`, `return cb(…);`, `void cb(…);`. */
function completionStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | TSESTree.ReturnStatement | undefined {
  let parent: TSESTree.Node = call.parent;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') parent = parent.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.ReturnStatement) return parent;
  return undefined;
}

/**
 * The `return`/`throw` for a callback's arguments `[error, value]`, as `call`
 * hands them over: `cb(null, x)` → `return x;` (`cb(null, a, b)` → `return [a, b];`), `cb(new Error(…))` →
 * `throw new Error(…);`, and for an error that may or may not be set,
 * `if (e) throw e; return x;`.
 */
export function outcomeText(
  args: readonly TSESTree.CallExpressionArgument[],
  call: TSESTree.CallExpression,
  statement: TSESTree.Node,
  context: ChainContext,
  edits: readonly TextEdit[],
): string | Refused {
  const contract = context.contract;
  if (contract === undefined) return refuse('error-shape');
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return refuse('spread-arguments');
  const [error, value, ...more] = args;
  const several = contract.results > 1;
  if (more.length > 0 && !several) return refuse('multiple-results');
  const text = context.sourceCode.text;
  const render = (node: TSESTree.Node): string => renderRange(text, node.range, edits);
  const semi = context.style.semicolon ? ';' : '';
  // Callers destructure the array, so even `cb(null)` returns one.
  const values = args.slice(1).map(render).join(', ');
  const success = several ? `return [${values}]${semi}` : value === undefined ? `return${semi}` : `return ${render(value)}${semi}`;
  if (error === undefined || isNullish(error) || isKnownNull(error, contract, context)) return success;
  if (isCertainlyError(error, call, context.sourceCode)) return `throw ${render(error)}${semi}`;
  // An error that may be unset: both outcomes, the error read twice, so only a plain name.
  if (error.type !== AST_NODE_TYPES.Identifier) return refuse('error-shape');
  const indent = indentationAt(text, statement.range[0]);
  const both = `if (${error.name}) throw ${error.name}${semi}\n${indent}${success}`;
  return bracedIfAlone(statement, both, indent, '  ');
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

function isKnownNull(node: TSESTree.Node, contract: ContractRewrite, context: ChainContext): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  return variable !== null && contract.nullErrors.has(variable) && !insideErrorCheck(node, node.name);
}

/** `new Error(…)`, a `catch` parameter, or a name tested truthy by an `if` around the call. */
function isCertainlyError(node: TSESTree.Node, call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (createsError(node)) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  if (variable?.defs[0]?.type === DefinitionType.CatchClause) return true;
  return insideErrorCheck(call, node.name);
}

/** Inside the `then` branch of `if (name)`, `if (name != null)` or after `name &&`, within the same function. */
function insideErrorCheck(node: TSESTree.Node, name: string): boolean {
  for (let child: TSESTree.Node = node, current = node.parent; current != null && !isFunctionNode(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && isErrorTest(current.test, name)) return true;
    if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&' && current.right === child && isErrorTest(current.left, name)) return true;
  }
  return false;
}
