import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { unionParts } from './union-parts';

/**
 * What the checker says about a value: a thenable, not one, or nothing
 * useful (`any`, `unknown`, an unresolved type), where callers fall back to
 * the syntactic answer.
 */
export type ThenableVerdict = 'thenable' | 'not-thenable' | 'unknown';

/**
 * Whether the expression's value is a thenable. Calls are judged by the
 * signature the checker resolved for that very call, so an overloaded
 * callback-or-promise API called with a callback is `void`, not a promise.
 */
export function thenableVerdictOf(node: TSESTree.Node, services: ParserServicesWithTypeInformation): ThenableVerdict {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  const calleeType = calleeTypeOf(checker, tsNode);
  // A call on `any` (an untyped parameter, an untyped module's export) gives `any`: resolving it would only check its arguments.
  if (calleeType !== undefined && isUnresolved(calleeType)) return 'unknown';
  if (everySignatureReturns(checker, calleeType, (type) => verdictOfType(checker, type, tsNode) === 'not-thenable')) return 'not-thenable';
  const type = isCallLike(tsNode) ? resolvedReturnType(checker, tsNode) : checker.getTypeAtLocation(tsNode);
  if (type === undefined) return 'unknown';
  return verdictOfType(checker, type, tsNode);
}

/**
 * For a call: true when every call signature of the callee (none generic,
 * whose return type only the call fixes) returns a type that passes `test`,
 * so any resolution of this call does. Asking the callee's type is cheap;
 * resolving the call checks every argument, callback bodies included, which
 * made type-aware linting cost a full type check of the file.
 */
function everySignatureReturns(checker: ts.TypeChecker, calleeType: ts.Type | undefined, test: (type: ts.Type) => boolean): boolean {
  if (calleeType === undefined || isUnresolved(calleeType)) return false;
  const signatures = calleeType.getCallSignatures();
  return (
    signatures.length > 0 &&
    signatures.every((signature) => (signature.typeParameters?.length ?? 0) === 0 && test(checker.getReturnTypeOfSignature(signature)))
  );
}

/** The type of a plain call's callee (not `super(…)` or `import(…)`); undefined for anything else. */
function calleeTypeOf(checker: ts.TypeChecker, node: ts.Node): ts.Type | undefined {
  if (!ts.isCallExpression(node) || node.expression.kind === ts.SyntaxKind.SuperKeyword || node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    return undefined;
  }
  return checker.getTypeAtLocation(node.expression);
}

/** A call no signature of whose callee can give a thenable. */
function neverThenable(checker: ts.TypeChecker, node: ts.Node): boolean {
  return everySignatureReturns(checker, calleeTypeOf(checker, node), (type) => verdictOfType(checker, type, node) === 'not-thenable');
}

/**
 * Whether calling a function-valued expression (a callback argument) gives a
 * thenable, from its call signatures: 'thenable' if any signature returns one.
 */
export function callbackVerdictOf(node: TSESTree.Node, services: ParserServicesWithTypeInformation): ThenableVerdict {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if (returnsNothing(tsNode)) return 'not-thenable';
  // `() => console.log(x)`: the body call's callee tells, without typing the literal.
  const body = ts.isArrowFunction(tsNode) && !isAsync(tsNode) ? tsNode.body : undefined;
  if (body !== undefined && neverThenable(checker, body)) return 'not-thenable';
  if (returnsCallOnAny(checker, tsNode)) return 'unknown';
  const type = checker.getTypeAtLocation(tsNode);
  if (isUnresolved(type)) return 'unknown';
  const signatures = type.getCallSignatures();
  if (signatures.length === 0) return 'not-thenable';
  const verdicts = signatures.map((signature) => verdictOfType(checker, checker.getReturnTypeOfSignature(signature), tsNode));
  if (verdicts.includes('thenable')) return 'thenable';
  return verdicts.includes('unknown') ? 'unknown' : 'not-thenable';
}

/**
 * A plain (not async, not generator) function literal with a block body and
 * no `return <value>`: its calls give `undefined`, which the syntax shows
 * without asking the checker to type the literal (and so the call it is
 * passed to, overloads and all).
 */
function returnsNothing(node: ts.Node): boolean {
  if (!(ts.isFunctionExpression(node) || ts.isArrowFunction(node)) || node.asteriskToken !== undefined) return false;
  if (isAsync(node) || !ts.isBlock(node.body)) return false;
  const returnsValue = (child: ts.Node): boolean =>
    ts.isReturnStatement(child) ? child.expression !== undefined : !ts.isFunctionLike(child) && !ts.isClassLike(child) && ts.forEachChild(child, returnsValue) === true;
  return ts.forEachChild(node.body, returnsValue) !== true;
}

/**
 * A plain function literal with no declared return type (no annotation, no
 * JSDoc) that returns a call on `any` (`if (err) return callback(err);`,
 * `callback` an untyped parameter): its inferred return type is the union of
 * what it returns, which `any` absorbs, so its calls give `any`. Knowing that
 * from the callee saves typing the literal, which types the call it is passed
 * to (contextual typing) and every return of its body.
 */
function returnsCallOnAny(checker: ts.TypeChecker, node: ts.Node): boolean {
  if (!(ts.isFunctionExpression(node) || ts.isArrowFunction(node)) || node.asteriskToken !== undefined || isAsync(node)) return false;
  if (node.type !== undefined || ts.getJSDocTags(node).length > 0) return false;
  const isCallOnAny = (expression: ts.Expression): boolean => {
    // Not through parentheses: in JavaScript `/** @type {T} */ (x)` is a cast.
    const call = expression;
    if (!ts.isCallExpression(call) || call.expression.kind === ts.SyntaxKind.SuperKeyword || call.expression.kind === ts.SyntaxKind.ImportKeyword) return false;
    // The literal's own parameters are typed by the context this avoids asking about.
    const callee = call.expression;
    if (ts.isIdentifier(callee) && node.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === callee.text)) return false;
    return isUnresolved(checker.getTypeAtLocation(call.expression));
  };
  if (!ts.isBlock(node.body)) return isCallOnAny(node.body);
  const returnsCall = (child: ts.Node): boolean =>
    ts.isReturnStatement(child)
      ? child.expression !== undefined && isCallOnAny(child.expression)
      : !ts.isFunctionLike(child) && !ts.isClassLike(child) && ts.forEachChild(child, returnsCall) === true;
  return ts.forEachChild(node.body, returnsCall) === true;
}

function isAsync(node: ts.FunctionExpression | ts.ArrowFunction): boolean {
  return node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) === true;
}

function isCallLike(node: ts.Node): node is ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression {
  return ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node);
}

function resolvedReturnType(
  checker: ts.TypeChecker,
  call: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression,
): ts.Type | undefined {
  // `new X()` gives the instance, which the type of the expression already is.
  if (ts.isNewExpression(call)) return checker.getTypeAtLocation(call);
  const signature = checker.getResolvedSignature(call);
  if (signature === undefined) return undefined;
  const returnType = checker.getReturnTypeOfSignature(signature);
  // An unresolvable call gets the error signature, whose return type is the error type (an `any`).
  return returnType;
}

function verdictOfType(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): ThenableVerdict {
  if (isUnresolved(type)) return 'unknown';
  let sawUnknown = false;
  for (const part of unionParts(type)) {
    if (isUnresolved(part)) {
      sawUnknown = true;
      continue;
    }
    if (isThenable(checker, part, location)) return 'thenable';
  }
  return sawUnknown ? 'unknown' : 'not-thenable';
}

function isUnresolved(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

/** Has a `then` method taking a callable first parameter: `Promise`, `PromiseLike`, any hand-written thenable. */
export function isThenable(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): boolean {
  const then = checker.getApparentType(type).getProperty('then');
  if (then === undefined) return false;
  const thenType = checker.getTypeOfSymbolAtLocation(then, location);
  const signatures = checker.getNonNullableType(thenType).getCallSignatures();
  return signatures.some((signature) => {
    const first = signature.getParameters()[0];
    if (first === undefined) return false;
    const parameterType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(first, location));
    return (parameterType.isUnion() ? parameterType.types : [parameterType]).some((part) => part.getCallSignatures().length > 0);
  });
}

/**
 * For a call whose resolved signature returns a union of a thenable and
 * `void`/`undefined` (`query(sql, cb?): Promise<Row[]> | void`): 'dual', the
 * callback-or-promise convention; 'single' when the type is resolved and is
 * not such a union; 'unknown' for `any`.
 */
export function dualResultOf(
  call: TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation,
): 'dual' | 'single' | 'unknown' {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(call);
  const type = resolvedReturnType(checker, tsNode);
  if (type === undefined || isUnresolved(type)) return 'unknown';
  if (!type.isUnion()) return 'single';
  const nothing = type.types.some((part) => (part.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) !== 0);
  return nothing && type.types.some((part) => isThenable(checker, part, tsNode)) ? 'dual' : 'single';
}

/** The argument's type can be called: a callback. */
export function isCallableArgument(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node)));
  return unionParts(type).some((part) => part.getCallSignatures().length > 0);
}

/**
 * The parameter a callback is passed to is declared to take a function that
 * returns a thenable (`listener: () => Promise<void> | void`): the callee
 * awaits or handles what the callback returns.
 */
export function contextExpectsThenable(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if (!ts.isExpression(tsNode)) return false;
  const contextual = checker.getContextualType(tsNode);
  if (contextual === undefined || isUnresolved(contextual)) return false;
  const parts = contextual.isUnion() ? contextual.types : [contextual];
  return parts.some((part) =>
    part.getCallSignatures().some((signature) => verdictOfType(checker, checker.getReturnTypeOfSignature(signature), tsNode) === 'thenable'),
  );
}

/**
 * Whether the value is an array or tuple of thenables (`Promise<T>[]`, the
 * result of `xs.map(async …)`): 'unknown' for `any`.
 */
export function thenableArrayVerdictOf(node: TSESTree.Node, services: ParserServicesWithTypeInformation): ThenableVerdict {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if (everySignatureReturns(checker, calleeTypeOf(checker, tsNode), (type) => arrayVerdictOfType(checker, type, tsNode) === 'not-thenable')) return 'not-thenable';
  const type = isCallLike(tsNode) ? resolvedReturnType(checker, tsNode) : checker.getTypeAtLocation(tsNode);
  return type === undefined ? 'unknown' : arrayVerdictOfType(checker, type, tsNode);
}

/** `Promise<T>[]`, a tuple with a promise, or a union with one of them (`Promise<T>[] | undefined`). */
function arrayVerdictOfType(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): ThenableVerdict {
  if (isUnresolved(type)) return 'unknown';
  const holdsThenable = (written: ts.Type): boolean => {
    // `a: T` with `T extends Promise<number>[]`: the constraint says what it holds.
    const part = (written.flags & ts.TypeFlags.TypeParameter) !== 0 ? (checker.getBaseConstraintOfType(written) ?? written) : written;
    return (
      (checker.isArrayType(part) || checker.isTupleType(part)) &&
      checker.getTypeArguments(part as ts.TypeReference).some((element) => verdictOfType(checker, element, location) === 'thenable')
    );
  };
  return unionParts(type).some(holdsThenable) ? 'thenable' : 'not-thenable';
}
