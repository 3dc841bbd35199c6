import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

/**
 * Whether the checker says a `.then(name)` handler is always a function:
 * then the chain calls it, as `name(value)` does. `any`, `unknown`, unions
 * (`handler?: …` may be undefined, which `.then` passes over) are not enough.
 */
export function isTypedFunction(node: TSESTree.Identifier, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
  if ((type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) !== 0 || type.isUnion()) return false;
  return type.getCallSignatures().length > 0;
}
