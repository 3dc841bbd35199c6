import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import type { NodeApi } from '../../knowledge/node-apis';
import { declaredErrorParameterVerdict } from '../../shared/error-parameter-type';
import { dualResultOf } from '../../shared/promise-types';
import type { RefusalReason } from '../refusal-reasons';
import { unionParts } from '../../shared/union-parts';

/** How to await a callee that only its declared type describes. */
export type TypedPromiseForm =
  /** `promisify(fn)(…)`; `promisify(obj.method.bind(obj))(…)` for a method, whose `this` must stay `obj`. */
  | { readonly kind: 'promisify'; readonly bindTo: TSESTree.Expression | undefined }
  /** `fn(…)` without the callback: a declared overload returns a promise of the callback's result. */
  | { readonly kind: 'promise-overload' };

export type TypedCallee =
  | { readonly kind: 'api'; readonly api: NodeApi; readonly form: TypedPromiseForm }
  | { readonly kind: 'refused'; readonly reason: RefusalReason };

/**
 * With types, an unknown callee whose declared signature for this very call
 * takes an error-first callback (`(err: Error | null, result?: T) => void`,
 * at most one result) and returns nothing (or `Promise | void`, the
 * callback-or-promise convention). The declaration is trusted to call back
 * once, asynchronously: nothing else can be checked. A callee whose body is
 * in this file is left to the analysis of `user-function.ts`, which reads
 * the body instead of trusting the types. Undefined: nothing is known.
 */
export function typedErrorFirstCallee(call: TSESTree.CallExpression, services: ParserServicesWithTypeInformation): TypedCallee | undefined {
  const checker = services.program.getTypeChecker();
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  // The callee's text goes inside `promisify(…)`: a name or a property access, never `(0, f)` or `a || b`.
  if (call.callee.type !== AST_NODE_TYPES.Identifier && call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (hasVisibleBody(tsCall.expression, checker)) return undefined;
  const signature = checker.getResolvedSignature(tsCall);
  const declaration = signature?.declaration;
  if (signature === undefined || declaration === undefined || ts.isJSDocSignature(declaration)) return undefined;
  // promisify erases type parameters (`get<T>` would resolve to `unknown`).
  if ((declaration.typeParameters?.length ?? 0) > 0) return undefined;
  const index = call.arguments.length - 1;
  if (callsBackInItsOwnBody(tsCall.expression, index, checker)) return undefined;
  const parameterDeclaration = declaration.parameters.filter((parameter) => !isThisParameter(parameter))[index];
  const parameter = signature.getParameters()[index];
  if (parameter === undefined || parameterDeclaration === undefined || parameterDeclaration.dotDotDotToken !== undefined) return undefined;
  const callbackType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(parameter, tsCall));
  const callbackSignatures = (callbackType.isUnion() ? callbackType.types : [callbackType]).flatMap((part) => part.getCallSignatures());
  const callback = callbackSignatures[0];
  if (callback === undefined || callbackSignatures.length !== 1) return undefined;

  const verdict = declaredErrorParameterVerdict(callback, tsCall, services.program);
  if (verdict === 'not-error') return { kind: 'refused', reason: 'not-error-first' };
  // `any`, `unknown` or a bare `Error` (without strictNullChecks) says nothing about the convention.
  if (verdict !== 'error-first') return undefined;
  const callbackDeclaration = callback.declaration;
  const hasRest = callbackDeclaration !== undefined && !ts.isJSDocSignature(callbackDeclaration) && callbackDeclaration.parameters.some((p) => p.dotDotDotToken !== undefined);
  // promisify resolves to the first result only.
  if (hasRest || callback.parameters.length > 2) return { kind: 'refused', reason: 'multiple-results' };
  if (!returnsNothing(checker.getReturnTypeOfSignature(signature)) && dualResultOf(call, services) !== 'dual') return undefined;

  const calleeType = checker.getTypeAtLocation(tsCall.expression);
  // A `util.promisify.custom` implementation (declared as `__promisify__`) would replace the callback form.
  if (calleeType.getProperty('__promisify__') !== undefined) return { kind: 'refused', reason: 'no-promise-equivalent' };
  const resultSymbol = callback.parameters[1];
  const resultType = resultSymbol === undefined ? undefined : checker.getTypeOfSymbolAtLocation(resultSymbol, tsCall);
  const api: NodeApi = { module: '', name: tsCall.expression.getText(), kind: 'error-first', result: { kind: resultType === undefined ? 'none' : 'single' }, promise: { kind: 'promisify' } };
  const signatures = calleeType.getCallSignatures();
  if (signatures.some((other) => isPromiseOverload(other, signature, index, resultType, checker, tsCall))) return { kind: 'api', api, form: { kind: 'promise-overload' } };
  // TypeScript types `promisify(fn)` from the last overload only.
  if (signatures.at(-1)?.declaration !== declaration) return { kind: 'refused', reason: 'no-promise-equivalent' };
  if (!isMethod(call.callee, tsCall.expression, checker)) return { kind: 'api', api, form: { kind: 'promisify', bindTo: undefined } };
  const object = (call.callee as TSESTree.MemberExpression).object;
  // The object is written twice (`promisify(o.m.bind(o))`): only a name or a plain property path reads the same twice.
  return isRereadable(object) ? { kind: 'api', api, form: { kind: 'promisify', bindTo: object } } : { kind: 'refused', reason: 'no-promise-equivalent' };
}

function isThisParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === 'this';
}

function returnsNothing(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) !== 0;
}

/** The callee's implementation is in this file: its body, not its type, tells how it calls back. */
function hasVisibleBody(callee: ts.Expression, checker: ts.TypeChecker): boolean {
  const symbol = symbolOf(callee, checker);
  const file = callee.getSourceFile();
  return (symbol?.declarations ?? []).some((declaration) => {
    if (declaration.getSourceFile() !== file) return false;
    if (ts.isFunctionLike(declaration)) return 'body' in declaration && declaration.body !== undefined;
    const initializer = ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration) ? declaration.initializer : undefined;
    return initializer !== undefined && (ts.isFunctionExpression(initializer) || ts.isArrowFunction(initializer) || ts.isClassExpression(initializer));
  });
}

/**
 * An implementation the program holds in another file (a `.ts` source, a
 * JavaScript module typed by JSDoc) that uses its callback parameter in its
 * own body, outside any nested function: it may call back synchronously
 * (`if (bad) return callback(err)`), which `await` would defer, or hand the
 * callback on to who knows what. Only calls inside nested functions (the
 * callbacks of its own asynchronous work) are left to the declared type.
 */
function callsBackInItsOwnBody(callee: ts.Expression, index: number, checker: ts.TypeChecker): boolean {
  return (symbolOf(callee, checker)?.declarations ?? []).some((declaration) => {
    const implementation = implementationOf(declaration);
    if (implementation?.body === undefined) return false;
    const parameter = implementation.parameters.filter((candidate) => !isThisParameter(candidate))[index];
    if (parameter === undefined) return false;
    if (!ts.isIdentifier(parameter.name)) return true;
    const name = parameter.name.text;
    const body = implementation.body;
    const uses = (node: ts.Node): boolean => {
      if (node !== body && ts.isFunctionLike(node)) return false;
      if (ts.isIdentifier(node) && node.text === name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) return true;
      return ts.forEachChild(node, uses) === true;
    };
    return uses(body);
  });
}

function implementationOf(declaration: ts.Declaration): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)) return declaration;
  // `const f = function …`, `{ f: (…) => … }`, `Driver.prototype.get = function …` in JavaScript.
  const parent: ts.Node = declaration.parent;
  const initializer =
    ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)
      ? declaration.initializer
      : ts.isBinaryExpression(parent) && parent.left === (declaration as ts.Node)
        ? parent.right
        : undefined;
  return initializer !== undefined && (ts.isFunctionExpression(initializer) || ts.isArrowFunction(initializer)) ? initializer : undefined;
}

function symbolOf(callee: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  return symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;
}

/** A member of a class, interface or object type, not a function exported by a module or namespace. */
function isMethod(callee: TSESTree.Expression, tsCallee: ts.Expression, checker: ts.TypeChecker): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const declarations = symbolOf(tsCallee, checker)?.declarations ?? [];
  return declarations.length === 0 || !declarations.every((declaration) => ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration));
}

/** `this`, `a`, `this.a.b`: read twice without a difference. */
export function isRereadable(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && node.property.type === AST_NODE_TYPES.Identifier && isRereadable(node.object);
}

/**
 * Another signature taking the same leading arguments without the callback
 * and returning a promise of the callback's result
 * (`query(sql): Promise<Row[]>` beside `query(sql, cb: Callback<Row[]>)`).
 */
function isPromiseOverload(
  other: ts.Signature,
  signature: ts.Signature,
  index: number,
  resultType: ts.Type | undefined,
  checker: ts.TypeChecker,
  location: ts.Node,
): boolean {
  const declaration = other.declaration;
  if (other === signature || declaration === signature.declaration || declaration === undefined || ts.isJSDocSignature(declaration) || (declaration.typeParameters?.length ?? 0) > 0) return false;
  const parameters = declaration.parameters.filter((parameter) => !isThisParameter(parameter));
  if (parameters.some((parameter) => parameter.dotDotDotToken !== undefined)) return false;
  const required = parameters.filter((parameter) => parameter.questionToken === undefined && parameter.initializer === undefined).length;
  if (required > index || parameters.length < index) return false;
  const sameArguments = other.getParameters().slice(0, index).every((parameter, position) => {
    const mine = signature.getParameters()[position];
    if (mine === undefined) return false;
    const a = checker.getTypeOfSymbolAtLocation(parameter, location);
    const b = checker.getTypeOfSymbolAtLocation(mine, location);
    return checker.isTypeAssignableTo(a, b) && checker.isTypeAssignableTo(b, a);
  });
  const returned = checker.getReturnTypeOfSignature(other);
  if (!sameArguments || returned.isUnion() || returned.getProperty('then') === undefined) return false;
  const awaited = checker.getAwaitedType(returned);
  if (awaited === undefined || awaited === returned) return false;
  if (resultType === undefined) return returnsNothing(awaited);
  return checker.isTypeAssignableTo(awaited, resultType) && checker.isTypeAssignableTo(checker.getNonNullableType(resultType), awaited);
}

const TYPE_KEYWORDS = new Set(['string', 'number', 'boolean', 'bigint', 'symbol', 'undefined', 'null', 'void', 'any', 'unknown', 'never', 'object', 'true', 'false', 'readonly']);

/**
 * `: T` for the variable receiving the result of a typed callee's call, when
 * `T` includes `undefined` (`user?: User`), where TypeScript's inferred
 * `let` would be "used before being assigned"; '' when no annotation is
 * needed; undefined when the type cannot be written there (a name not in
 * scope, an inline object type, an `import(…)` type).
 */
export function declaredResultAnnotation(call: TSESTree.CallExpression, services: ParserServicesWithTypeInformation): string | undefined {
  const checker = services.program.getTypeChecker();
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  const parameter = checker.getResolvedSignature(tsCall)?.getParameters()[call.arguments.length - 1];
  if (parameter === undefined) return undefined;
  const callbackType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(parameter, tsCall));
  const result = callbackType.getCallSignatures()[0]?.parameters[1];
  if (result === undefined) return '';
  const type = checker.getTypeOfSymbolAtLocation(result, tsCall);
  if (!unionParts(type).some((part) => (part.flags & ts.TypeFlags.Undefined) !== 0)) return '';
  const text = checker.typeToString(type, tsCall, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
  if (/[{(]|import/.test(text)) return undefined;
  const names = text.match(/(?<![.\w$])[A-Za-z_$][\w$]*/g) ?? [];
  const unknownNames = names.filter((name) => !TYPE_KEYWORDS.has(name));
  if (unknownNames.length > 0) {
    const inScope = new Set(checker.getSymbolsInScope(tsCall, ts.SymbolFlags.Type | ts.SymbolFlags.Namespace | ts.SymbolFlags.Alias).map((symbol) => symbol.name));
    if (unknownNames.some((name) => !inScope.has(name))) return undefined;
  }
  return `: ${text}`;
}
