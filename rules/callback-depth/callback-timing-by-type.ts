import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { ERROR_PARAMETER_NAMES, SYNC_CALLBACK_RECEIVER_TYPES } from '../knowledge/callback-apis';
import { isErrorLike } from '../shared/error-parameter-type';
import { isThenable } from '../shared/promise-types';
import type { CallbackSite } from './callback-site';
import { unionParts } from '../shared/union-parts';

/**
 * What the checker says about when a callback runs, or undefined when it
 * cannot tell (untyped receiver, no signature): then the name decides.
 *
 * - A receiver that is an array, a string, a Map/Set or an iterator runs
 *   every callback before returning, whatever the method's name.
 * - A method named like an array method (`looksSync`) on any other type is
 *   a look-alike when its signature shows an asynchronous API: it returns a
 *   promise, or its callback takes an error first (`client.map(key, (err, v) => …)`).
 */
export function callbackTimingByType(
  site: CallbackSite,
  looksSync: boolean,
  services: ParserServicesWithTypeInformation,
): 'sync' | 'async' | undefined {
  const { call } = site;
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const checker = services.program.getTypeChecker();
  const receiver = receiverOf(call.callee);
  if (receiver !== undefined) {
    const receiverType = services.getTypeAtLocation(receiver);
    if (isUntyped(receiverType)) return undefined;
    if (isSyncCallbackReceiver(receiverType, checker)) return 'sync';
  }
  if (!looksSync) return undefined;
  const calleeType = services.getTypeAtLocation(call.callee);
  if (isUntyped(calleeType) || calleeType.getCallSignatures().length === 0) return undefined;
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  if (unionParts(services.getTypeAtLocation(call)).some((part) => isThenable(checker, part, tsCall))) return 'async';
  if (takesErrorFirstCallback(site, services, checker)) return 'async';
  return undefined;
}

function receiverOf(callee: TSESTree.Node): TSESTree.Expression | undefined {
  if (callee.type === AST_NODE_TYPES.ChainExpression) return receiverOf(callee.expression);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
}

function isUntyped(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

function isSyncCallbackReceiver(type: ts.Type, checker: ts.TypeChecker): boolean {
  const present = unionParts(type).filter((part) => (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) === 0);
  return present.length > 0 && present.every((part) => isSyncCallbackReceiverPart(part, checker));
}

function isSyncCallbackReceiverPart(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (type.isIntersection()) return type.types.some((part) => isSyncCallbackReceiverPart(part, checker));
  const apparent = checker.getApparentType(type);
  if (checker.isArrayType(apparent) || checker.isTupleType(apparent)) return true;
  const name = (apparent.getSymbol() ?? apparent.aliasSymbol)?.getName();
  return name !== undefined && SYNC_CALLBACK_RECEIVER_TYPES.has(name);
}

/** The parameter the callback is passed to expects `(err, …) => …`. */
function takesErrorFirstCallback(
  site: CallbackSite,
  services: ParserServicesWithTypeInformation,
  checker: ts.TypeChecker,
): boolean {
  const tsArgument = services.esTreeNodeToTSNodeMap.get(site.argument);
  if (!ts.isExpression(tsArgument)) return false;
  const expected = checker.getContextualType(tsArgument);
  if (expected === undefined) return false;
  return checker.getNonNullableType(expected).getCallSignatures().some((signature) => {
    const first = signature.getParameters()[0];
    if (first === undefined) return false;
    if (ERROR_PARAMETER_NAMES.has(first.getName())) return true;
    return unionParts(checker.getTypeOfSymbol(first)).some((part) => isErrorLike(checker, part));
  });
}
