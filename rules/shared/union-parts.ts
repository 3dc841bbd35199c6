import type * as ts from 'typescript';

/** The members of a union type, or the type itself. */
export function unionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}
