import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from './async-context';

/** The function a name is declared as: a function declaration, or a `const` bound to a function, never reassigned. */
export function declaredFunction(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (variable === null || variable.defs.length !== 1) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return undefined;
  const definition = variable.defs[0];
  if (definition?.type === DefinitionType.FunctionName && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  if (definition?.type === DefinitionType.Variable && definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.parent.kind === 'const') {
    const init = definition.node.init;
    if (init !== null && isFunctionNode(init)) return init;
  }
  return undefined;
}
