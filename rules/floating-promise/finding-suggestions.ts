import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipTypeWrappers } from '../shared/promise-detection';
import type { Finding } from './statement-classifier';
import { canAwaitAt, canReturnFrom, prefixFix } from './statement-fixes';

type Suggestion = TSESLint.SuggestionReportDescriptor<'addAwait' | 'addVoid' | 'addReturn' | 'awaitAll'>;

/** The ways to handle a floating promise that fit where it stands: `await`, `void`, `return`; `await Promise.all` for an array. */
export function findingSuggestions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: TSESTree.Node,
  statement: TSESTree.ExpressionStatement,
  finding: Finding,
  ignoreVoid: boolean,
): Suggestion[] {
  return finding === 'floatingArray' ? arraySuggestions(sourceCode, target, statement) : promiseSuggestions(target, statement, finding, ignoreVoid);
}

function promiseSuggestions(target: TSESTree.Node, statement: TSESTree.ExpressionStatement, finding: Finding, ignoreVoid: boolean): Suggestion[] {
  const suggest: Suggestion[] = [];
  const voided = finding === 'floatingVoid' && target.type === AST_NODE_TYPES.UnaryExpression ? target : undefined;
  if (canAwaitAt(statement)) {
    suggest.push({
      messageId: 'addAwait',
      fix: (fixer) => (voided === undefined ? prefixFix(fixer, target, 'await') : [fixer.replaceTextRange([voided.range[0], voided.argument.range[0]], 'await ')]),
    });
  }
  if (finding === 'floatingVoid') return suggest;
  if (ignoreVoid) suggest.push({ messageId: 'addVoid', fix: (fixer) => prefixFix(fixer, target, 'void') });
  const wholeStatement = skipTypeWrappers(statement.expression) === target || statement.expression === target;
  if (wholeStatement && canReturnFrom(statement)) {
    suggest.push({ messageId: 'addReturn', fix: (fixer) => fixer.insertTextBefore(statement.expression, 'return ') });
  }
  return suggest;
}

/** An array of promises: only `await Promise.all(…)`; `void` or `return` of the array would still drop the rejections. */
function arraySuggestions(sourceCode: Readonly<TSESLint.SourceCode>, target: TSESTree.Node, statement: TSESTree.ExpressionStatement): Suggestion[] {
  if (!canAwaitAt(statement) || !isGlobalPromiseFree(sourceCode, target)) return [];
  return [{ messageId: 'awaitAll', fix: (fixer) => [fixer.insertTextBefore(target, 'await Promise.all('), fixer.insertTextAfter(target, ')')] }];
}

/** No local binding named `Promise` would capture an inserted `Promise.all`. */
function isGlobalPromiseFree(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope !== null; scope = scope.upper) {
    const variable = scope.set.get('Promise');
    if (variable !== undefined && variable.defs.length > 0) return false;
  }
  return true;
}
