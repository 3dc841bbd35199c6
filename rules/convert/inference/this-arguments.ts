import { AST_TOKEN_TYPES, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Whether a `function` callback uses its own `this` or `arguments`: once
 * inlined, they would be the enclosing function's. A `this` inside a nested
 * function counts too (conservative: tokens, not scopes).
 */
export function usesOwnThisOrArguments(
  fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  const scope = sourceCode.scopeManager?.acquire(fn, true);
  const argumentsVariable = scope?.set.get('arguments');
  if (argumentsVariable !== undefined && argumentsVariable.references.length > 0) return true;
  return sourceCode
    .getTokens(fn.body)
    .some((token) => token.type === AST_TOKEN_TYPES.Keyword && (token.value === 'this' || (token.value === 'new' && sourceCode.getTokenAfter(token)?.value === '.')));
}
