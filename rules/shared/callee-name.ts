import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * The name a call is made by, as written: `f` for `f()`, `forEach` for
 * `a.b.forEach()` and `a['forEach']()`, `#run` for `this.#run()`, through
 * `f!()`, `(f as T)()` and `a?.f()`. Undefined for anything else
 * (`a[key]()`, `(() => {})()`).
 */
export function calleeName(callee: TSESTree.Node): string | undefined {
  switch (callee.type) {
    case AST_NODE_TYPES.Identifier:
      return callee.name;
    case AST_NODE_TYPES.MemberExpression:
      if (!callee.computed) {
        return callee.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${callee.property.name}` : callee.property.name;
      }
      return callee.property.type === AST_NODE_TYPES.Literal && typeof callee.property.value === 'string' ? callee.property.value : undefined;
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return calleeName(callee.expression);
    default:
      return undefined;
  }
}
