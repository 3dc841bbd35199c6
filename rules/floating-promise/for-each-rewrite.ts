import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../shared/async-context';
import { canAwaitAt } from './statement-fixes';
import { typeAnnotationOf } from '../shared/optional-keys';

/** A `xs.forEach(callback)` statement that the rewrites may replace. */
export interface ForEachStatement {
  readonly statement: TSESTree.ExpressionStatement;
  readonly call: TSESTree.CallExpression;
  readonly callee: TSESTree.MemberExpression & { property: TSESTree.Identifier };
  readonly callback: TSESTree.Node;
}

/**
 * The `xs.forEach(cb)` call when it is a whole statement inside an async
 * function, the only place where both rewrites (which add `await`) are legal.
 */
export function asRewritableForEach(call: TSESTree.CallExpression): ForEachStatement | undefined {
  const statement = call.parent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== call) return undefined;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.optional) return undefined;
  if (callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const callback = call.arguments[0];
  if (callback === undefined || callback.type === AST_NODE_TYPES.SpreadElement || call.arguments.length > 2) return undefined;
  if (!canAwaitAt(statement)) return undefined;
  return { statement, call, callee: callee as ForEachStatement['callee'], callback };
}

/**
 * `xs.forEach(async (x) => { … })` → `for (const x of xs) { … }`: the body
 * moves into the loop unchanged. Offered for an arrow callback with one plain
 * parameter, whose body has no `return` (it would leave the outer function)
 * and no `var` (it would move to the outer scope), and when every comment
 * of the statement is inside a part that is kept.
 */
export function forOfRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: ForEachStatement,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const { statement, call, callee, callback } = target;
  if (call.arguments.length !== 1 || callback.type !== AST_NODE_TYPES.ArrowFunctionExpression || !callback.async) return undefined;
  const [parameter] = callback.params;
  if (parameter === undefined || callback.params.length !== 1) return undefined;
  if (parameter.type !== AST_NODE_TYPES.Identifier && parameter.type !== AST_NODE_TYPES.ObjectPattern && parameter.type !== AST_NODE_TYPES.ArrayPattern) {
    return undefined;
  }
  if (parameter.type !== AST_NODE_TYPES.Identifier && typeAnnotationOf(parameter) !== undefined) return undefined;
  const body = callback.body;
  if (body.type === AST_NODE_TYPES.BlockStatement && containsOwnReturnOrVar(body)) return undefined;
  const parameterText = parameter.type === AST_NODE_TYPES.Identifier ? parameter.name : sourceCode.getText(parameter);
  const kept: TSESTree.Node[] = [callee.object, parameter, body];
  const comments = sourceCode.getCommentsInside(statement);
  if (!comments.every((comment) => kept.some((node) => node.range[0] <= comment.range[0] && comment.range[1] <= node.range[1]))) {
    return undefined;
  }
  const loopBody = body.type === AST_NODE_TYPES.BlockStatement ? sourceCode.getText(body) : `{ ${awaitedText(sourceCode, body)}; }`;
  const reassigned = sourceCode.getDeclaredVariables(callback).some((variable) => variable.references.some((reference) => reference.isWrite()));
  const text = `for (${reassigned ? 'let' : 'const'} ${parameterText} of ${sourceCode.getText(callee.object)}) ${loopBody}`;
  return (fixer) => fixer.replaceText(statement, text);
}

/** `xs.forEach(cb)` → `await Promise.all(xs.map(cb))`: same callback, same concurrency, now awaited. */
export function promiseAllRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: ForEachStatement,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
  const { call, callee } = target;
  if (!isPromiseNameFree(sourceCode, call)) return undefined;
  return (fixer) => [
    fixer.insertTextBefore(call, 'await Promise.all('),
    fixer.replaceText(callee.property, 'map'),
    fixer.insertTextAfter(call, ')'),
  ];
}

/** False when a local binding named `Promise` would capture the inserted `Promise.all`. */
function isPromiseNameFree(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope !== null; scope = scope.upper) {
    const variable = scope.set.get('Promise');
    if (variable !== undefined && variable.defs.length > 0) return false;
  }
  return true;
}

function awaitedText(sourceCode: Readonly<TSESLint.SourceCode>, body: TSESTree.Expression): string {
  const text = sourceCode.getText(body);
  if (body.type === AST_NODE_TYPES.AwaitExpression) return text;
  const simple =
    body.type === AST_NODE_TYPES.CallExpression ||
    body.type === AST_NODE_TYPES.MemberExpression ||
    body.type === AST_NODE_TYPES.Identifier ||
    body.type === AST_NODE_TYPES.NewExpression ||
    body.type === AST_NODE_TYPES.ChainExpression ||
    body.type === AST_NODE_TYPES.TaggedTemplateExpression;
  return simple ? `await ${text}` : `await (${text})`;
}

function containsOwnReturnOrVar(body: TSESTree.BlockStatement): boolean {
  const pending: TSESTree.Node[] = [body];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined || (node !== body && isFunctionNode(node))) continue;
    if (node.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'var') return true;
    for (const value of Object.values(node)) {
      if (value === node.parent) continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child)) pending.push(child);
      }
    }
  }
  return false;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
