import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { refuse, type Refused } from '../types';

/** What the chain's value does: dropped by a statement, returned, or declared (`const x = await …`). */
export type Mode = 'statement' | 'return' | 'declare';

export interface ChainSite {
  /** The statement the conversion replaces. */
  readonly statement: TSESTree.ExpressionStatement | TSESTree.ReturnStatement | TSESTree.VariableDeclaration;
  readonly mode: Mode;
  /**
   * The chain is awaited where it stands (`await p.then(…)`, `const x =
   * await p.then(…)`): its function is async already and waits there, so
   * awaiting each link instead changes nothing around it.
   */
  readonly awaited: boolean;
}

/** Where the outermost call of a chain stands, or why its value is used in a way the conversion cannot write. */
export function chainSite(call: TSESTree.CallExpression): ChainSite | Refused {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return { statement: parent, mode: 'statement', awaited: false };
  if (parent.type === AST_NODE_TYPES.ReturnStatement) return { statement: parent, mode: 'return', awaited: false };
  if (parent.type !== AST_NODE_TYPES.AwaitExpression) return refuse('result-used');
  const holder = parent.parent;
  if (holder.type === AST_NODE_TYPES.ExpressionStatement) return { statement: holder, mode: 'statement', awaited: true };
  if (holder.type === AST_NODE_TYPES.ReturnStatement) return { statement: holder, mode: 'return', awaited: true };
  if (holder.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== parent) return refuse('result-used');
  const declaration = holder.parent;
  const inBlock = declaration.parent.type === AST_NODE_TYPES.BlockStatement || declaration.parent.type === AST_NODE_TYPES.SwitchCase;
  const plainKind = declaration.kind === 'const' || declaration.kind === 'let' || declaration.kind === 'var';
  if (declaration.declarations.length !== 1 || !inBlock || !plainKind || declaration.declare === true) return refuse('result-used');
  return { statement: declaration, mode: 'declare', awaited: true };
}
