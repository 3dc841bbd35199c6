import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { typeArgumentsOf, typeParametersOf } from '../../shared/optional-keys';

/**
 * `Promise<T>` for a function whose callback parameter is typed
 * `(err, value?: T) => void`: `Promise<T | undefined>` when the value is
 * optional, `Promise<void>` when the callback takes no value. Undefined
 * when the callback's type does not say.
 */
export function promiseTypeText(callbackParameter: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const annotated = callbackParameter.type === AST_NODE_TYPES.Identifier ? callbackParameter.typeAnnotation?.typeAnnotation : undefined;
  const alias = annotated === undefined ? undefined : aliasOf(annotated, sourceCode);
  const callbackType = alias?.type ?? annotated;
  if (callbackType?.type !== AST_NODE_TYPES.TSFunctionType) return undefined;
  const value = callbackType.params[1];
  if (value === undefined) return 'Promise<void>';
  const valueType = value.type === AST_NODE_TYPES.Identifier ? value.typeAnnotation?.typeAnnotation : undefined;
  if (valueType === undefined || value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const text = alias === undefined ? sourceCode.getText(valueType) : instantiated(valueType, alias.arguments, sourceCode);
  if (text === undefined) return undefined;
  return `Promise<${value.optional ? `${text} | undefined` : text}>`;
}

/** `Callback<string>` for `type Callback<T> = (err: Error | null, value?: T) => void` declared in the file. */
function aliasOf(type: TSESTree.TypeNode, sourceCode: Readonly<TSESLint.SourceCode>): { type: TSESTree.TypeNode; arguments: Map<string, string> } | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = type.typeName.name;
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.TSTypeAliasDeclaration || declaration.id.name !== name) continue;
    const parameters = typeParametersOf(declaration)?.params ?? [];
    const given = typeArgumentsOf(type)?.params ?? [];
    if (parameters.length !== given.length) return undefined;
    return { type: declaration.typeAnnotation, arguments: new Map(parameters.map((parameter, index) => [parameter.name.name, sourceCode.getText(given[index] as TSESTree.TypeNode)])) };
  }
  return undefined;
}

/** The alias's value type with its type parameters replaced: only a bare parameter (`T`) or a type naming none of them. */
function instantiated(valueType: TSESTree.TypeNode, parameters: ReadonlyMap<string, string>, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  if (valueType.type === AST_NODE_TYPES.TSTypeReference && valueType.typeName.type === AST_NODE_TYPES.Identifier && typeArgumentsOf(valueType) === undefined) {
    const given = parameters.get(valueType.typeName.name);
    if (given !== undefined) return given;
  }
  const text = sourceCode.getText(valueType);
  return [...parameters.keys()].some((name) => new RegExp(`\\b${name}\\b`).test(text)) ? undefined : text;
}
