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
  // A generic callee instantiated by this call (`useCallback<() => void>(fn)`): what the call fixed.
  tsCall.arguments?.forEach((argument, index) => {
    const contextual = ts.isSpreadElement(argument) ? undefined : checker.getContextualType(argument);
    if (contextual !== undefined && (contextual.flags & ts.TypeFlags.Any) === 0) note(contextual, index);
  });
  for (const index of thenableIndices) voidIndices.delete(index);
  return voidIndices;
}

/**
 * The callee is typed `any` (an untyped parameter or module member, an
 * unresolved import): it has no signature, and every argument's contextual
 * type is `any`, so {@link voidCallbackArgumentIndices} is empty whatever the
 * arguments are. Asked before typing each argument, which checks callback
 * bodies and variables' initializers.
 */
export function calleeIsAny(call: TSESTree.CallExpression | TSESTree.NewExpression, services: ParserServicesWithTypeInformation): boolean {
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  return (services.program.getTypeChecker().getTypeAtLocation(tsCall.expression).flags & ts.TypeFlags.Any) !== 0;
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
    const apparent = checker.getApparentType(part);
    const member = checker.getPropertyOfType(apparent, name);
    // `Record<string, () => void>`: the index signature types every property.
    const type = member !== undefined ? checker.getTypeOfSymbolAtLocation(member, object) : checker.getIndexTypeOfType(apparent, ts.IndexKind.String);
    return type !== undefined && isVoidReturningFunctionType(checker, checker.getNonNullableType(type), object);
  });
}

/** Class and interface members whose base types may declare them. */
export type InheritingMember =
  | TSESTree.MethodDefinition
  | TSESTree.PropertyDefinition
  | TSESTree.AccessorProperty
  | TSESTree.TSAbstractMethodDefinition
  | TSESTree.TSAbstractPropertyDefinition
  | TSESTree.TSAbstractAccessorProperty
  | TSESTree.TSMethodSignature
  | TSESTree.TSPropertySignature;

/**
 * A member returning a thenable where a base class, an implemented interface
 * or an extended interface declares the member void-returning: callers
 * through the base type drop the promise. The name of that base type, or
 * undefined.
 */
export function voidBaseMemberOf(member: InheritingMember, services: ParserServicesWithTypeInformation): string | undefined {
  if (member.static || (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method')) return undefined;
  if (member.type === AST_NODE_TYPES.TSMethodSignature && member.kind !== 'method') return undefined;
  const checker = services.program.getTypeChecker();
  const tsMember = services.esTreeNodeToTSNodeMap.get(member) as ts.Node & { name?: ts.PropertyName };
  const owner = tsMember.parent;
  if (owner === undefined || !(ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner)) || tsMember.name === undefined) return undefined;
  const name = propertyNameText(tsMember.name);
  if (name === undefined) return undefined;
  for (const clause of owner.heritageClauses ?? []) {
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
export function memberReturnsThenable(member: InheritingMember, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const tsMember = services.esTreeNodeToTSNodeMap.get(member);
  return isThenableReturningFunctionType(checker, checker.getNonNullableType(checker.getTypeAtLocation(tsMember)), tsMember);
}

/**
 * Calling the value (a function, or a name or member holding one, possibly
 * `undefined`) gives a thenable: the checker's answer for what the syntactic
 * judge cannot see (`declare const f: undefined | (() => Promise<void>)`).
 */
export function valueReturnsThenable(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  return isThenableReturningFunctionType(checker, checker.getNonNullableType(checker.getTypeAtLocation(tsNode)), tsNode);
}

/** `consume(...callbacks)`: the spread array's elements are functions returning thenables. */
export function spreadHoldsThenableFunctions(spread: TSESTree.SpreadElement, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(spread.argument);
  const type = checker.getTypeAtLocation(tsNode);
  return unionParts(type).some(
    (part) =>
      (checker.isArrayType(part) || checker.isTupleType(part)) &&
      checker.getTypeArguments(part as ts.TypeReference).some((element) => isThenableReturningFunctionType(checker, element, tsNode)),
  );
}

function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}
