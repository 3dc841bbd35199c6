import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * The optional keys of a node, read the same way in every tree the rules run on.
 *
 * typescript-eslint writes `undefined` where a node has no return type, type
 * annotation, type arguments, directive…; espree leaves the key out; oxlint's
 * JS plugins give `null`. A check such as `fn.returnType !== undefined` is
 * then true in oxlint for every function, and `fn.returnType.typeAnnotation`
 * throws. Rules read these keys through the helpers below, never directly
 * against `undefined`. `scripts/check-oxlint-nulls.js` type-checks the rules
 * with these keys typed `T | null | undefined` to find any direct read.
 */
export function present<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

/** `'use strict'` and the other directive prologue strings. */
export function isDirective(statement: TSESTree.Node): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && present(statement.directive) !== undefined;
}

type WithReturnType = { returnType?: TSESTree.TSTypeAnnotation | null | undefined };
type WithTypeParameters = { typeParameters?: TSESTree.TSTypeParameterDeclaration | null | undefined };
type WithTypeArguments = { typeArguments?: TSESTree.TSTypeParameterInstantiation | null | undefined };

export function returnTypeOf(fn: WithReturnType): TSESTree.TSTypeAnnotation | undefined {
  return present(fn.returnType);
}

export function typeParametersOf(node: WithTypeParameters): TSESTree.TSTypeParameterDeclaration | undefined {
  return present(node.typeParameters);
}

export function typeArgumentsOf(node: WithTypeArguments): TSESTree.TSTypeParameterInstantiation | undefined {
  return present(node.typeArguments);
}

/** The `: T` of a parameter, pattern or declared name; undefined for nodes that cannot have one. */
export function typeAnnotationOf(node: TSESTree.Node): TSESTree.TSTypeAnnotation | undefined {
  if (!('typeAnnotation' in node)) return undefined;
  const annotation: unknown = node.typeAnnotation;
  return typeof annotation === 'object' && annotation !== null && (annotation as TSESTree.Node).type === AST_NODE_TYPES.TSTypeAnnotation
    ? (annotation as TSESTree.TSTypeAnnotation)
    : undefined;
}
