import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { isThenable } from '../shared/promise-types';
import { unionParts } from '../shared/union-parts';

/**
 * Type questions of the void-return check: where the type of the place a
 * function is put says its result is thrown away (`cb: () => void`), so a
 * promise it returns is never handled.
 */

/**
 * A function type every signature of which returns `void`-ish, none a
 * thenable: `() => void`, `(err: Error | null) => void`. A union that also
 * admits a promise-returning function (`() => void | Promise<void>`) is not.
 */
export function isVoidReturningFunctionType(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): boolean {
  let sawVoid = false;
  for (const part of unionParts(type)) {
    for (const signature of part.getCallSignatures()) {
      const returned = checker.getReturnTypeOfSignature(signature);
      if (unionParts(returned).some((member) => isThenable(checker, member, location))) return false;
      if ((returned.flags & ts.TypeFlags.Any) !== 0 || (returned.flags & ts.TypeFlags.Unknown) !== 0) return false;
      if (unionParts(returned).some((member) => (member.flags & ts.TypeFlags.Void) !== 0)) sawVoid = true;
    }
  }
  return sawVoid;
}

/** A function type one of whose signatures returns a thenable. */
function isThenableReturningFunctionType(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): boolean {
  return unionParts(type).some((part) =>
    part.getCallSignatures().some((signature) => unionParts(checker.getReturnTypeOfSignature(signature)).some((member) => isThenable(checker, member, location))),
  );
}

/**
 * Positions of a call's arguments that every signature of the callee
 * declares void-returning: across all overloads (the checker resolves a call
 * with an async callback to the first `() => void` overload even when a later
 * one takes `() => Promise<void>`), a position some signature declares
 * thenable-returning is left out. A rest parameter (`...fns: Array<() => void>`,
 * or a tuple) covers the arguments from its index on.
 */
export function voidCallbackArgumentIndices(call: TSESTree.CallExpression | TSESTree.NewExpression, services: ParserServicesWithTypeInformation): ReadonlySet<number> {
  const checker = services.program.getTypeChecker();
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  const voidIndices = new Set<number>();
  const thenableIndices = new Set<number>();
  const count = call.arguments.length;
  const note = (type: ts.Type, index: number): void => {
    if (isThenableReturningFunctionType(checker, type, tsCall)) thenableIndices.add(index);
    else if (isVoidReturningFunctionType(checker, type, tsCall)) voidIndices.add(index);
  };
  const calleeType = checker.getTypeAtLocation(tsCall.expression);
  for (const part of unionParts(calleeType)) {
    const signatures = ts.isCallExpression(tsCall) ? part.getCallSignatures() : part.getConstructSignatures();
    for (const signature of signatures) {
      signature.getParameters().forEach((parameter, index) => {
        const type = checker.getTypeOfSymbolAtLocation(parameter, tsCall.expression);
        const declaration = parameter.valueDeclaration;
        if (declaration !== undefined && ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined) {
          if (checker.isArrayType(type)) {
            const element = checker.getTypeArguments(type as ts.TypeReference)[0];
            if (element !== undefined) for (let at = index; at < count; at++) note(element, at);
          } else if (checker.isTupleType(type)) {
            checker.getTypeArguments(type as ts.TypeReference).forEach((element, offset) => note(element, index + offset));
          }
          return;
        }
        note(type, index);
      });
    }
  }
  for (const index of thenableIndices) voidIndices.delete(index);
  return voidIndices;
}

/** The contextual type of an expression says it must be a void-returning function (a JSX attribute, a variable). */
export function contextExpectsVoidFunction(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if (!ts.isExpression(tsNode)) return false;
  const contextual = checker.getContextualType(tsNode);
  return contextual !== undefined && isVoidReturningFunctionType(checker, contextual, tsNode);
}

/**
 * An object literal's property (`{ onDone: async () => … }`, `{ async run() {} }`)
 * whose declared type, from the type the object is expected to have, is a
 * void-returning function.
 */
export function propertyExpectsVoidFunction(property: TSESTree.Property | TSESTree.MethodDefinition, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const tsProperty = services.esTreeNodeToTSNodeMap.get(property);
  const object = tsProperty.parent;
  if (object === undefined || !ts.isObjectLiteralExpression(object) || tsProperty.name === undefined) return false;
  const name = propertyNameText(tsProperty.name);
  const contextual = name === undefined ? undefined : checker.getContextualType(object);
  if (contextual === undefined || name === undefined) return false;
  return unionParts(contextual).some((part) => {
    const member = checker.getPropertyOfType(checker.getApparentType(part), name);
    return member !== undefined && isVoidReturningFunctionType(checker, checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(member, object)), object);
  });
}

/**
 * A class member returning a thenable where a base class or an implemented
 * interface declares the member void-returning: callers through the base
 * type drop the promise. The name of that base type, or undefined.
 */
export function voidBaseMemberOf(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, services: ParserServicesWithTypeInformation): string | undefined {
  if (member.static || (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method')) return undefined;
  const checker = services.program.getTypeChecker();
  const tsMember = services.esTreeNodeToTSNodeMap.get(member);
  const tsClass = tsMember.parent;
  if (tsClass === undefined || !ts.isClassLike(tsClass) || tsMember.name === undefined) return undefined;
  const name = propertyNameText(tsMember.name);
  if (name === undefined) return undefined;
  for (const clause of tsClass.heritageClauses ?? []) {
    for (const heritage of clause.types) {
      const base = checker.getTypeAtLocation(heritage);
      const baseMember = checker.getPropertyOfType(base, name);
      if (baseMember === undefined) continue;
      if (isVoidReturningFunctionType(checker, checker.getTypeOfSymbolAtLocation(baseMember, heritage), heritage)) return checker.typeToString(base);
    }
  }
  return undefined;
}

/** Whether the member's own function type returns a thenable. */
export function memberReturnsThenable(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const tsMember = services.esTreeNodeToTSNodeMap.get(member);
  return isThenableReturningFunctionType(checker, checker.getTypeAtLocation(tsMember), tsMember);
}

function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}
