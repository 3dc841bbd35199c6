import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import type { FunctionNode } from './async-context';
import { unionParts } from './union-parts';
import { typeAnnotationOf } from './optional-keys';

/** What the checker says about a callback's first parameter. */
export type ErrorParameterVerdict =
  /** `Error | null` (or `ErrnoException | undefined`, optional `Error`): an error-first callback. */
  | 'error-first'
  /** A type that cannot hold an error (`string`, `MouseEvent`): never an error-first callback. */
  | 'not-error'
  /** `any`, `unknown`, a type parameter, a bare `Error`, no parameter: the types do not decide. */
  | 'unknown';

/**
 * Decides from types whether `fn`, passed as `argument` (the function itself,
 * or an identifier or `.bind` call standing for it), is called error-first:
 * the parameter's own annotation wins, else the type the callee expects there.
 */
export function errorParameterVerdict(
  argument: TSESTree.Node,
  fn: FunctionNode,
  services: ParserServicesWithTypeInformation,
): ErrorParameterVerdict {
  const checker = services.program.getTypeChecker();
  const first = fn.params.find((param) => !(param.type === AST_NODE_TYPES.Identifier && param.name === 'this'));
  if (first !== undefined && hasTypeAnnotation(first)) {
    const tsParam = services.esTreeNodeToTSNodeMap.get(first);
    const optional = ts.isParameter(tsParam) && tsParam.questionToken !== undefined;
    return classify(checker, checker.getTypeAtLocation(tsParam), optional, services.program);
  }
  const tsArgument = services.esTreeNodeToTSNodeMap.get(argument);
  if (!ts.isExpression(tsArgument)) return 'unknown';
  const expected = checker.getContextualType(tsArgument);
  if (expected === undefined) return 'unknown';
  const signature = callSignatures(expected).find((candidate) => candidate.parameters.length > 0);
  return signature === undefined ? 'unknown' : declaredErrorParameterVerdict(signature, tsArgument, services.program);
}

/** The verdict on the first parameter of a callback type's signature, as declared (`(err: Error | null, …) => void`). */
export function declaredErrorParameterVerdict(signature: ts.Signature, location: ts.Node, program: ts.Program): ErrorParameterVerdict {
  const parameter = signature.parameters[0];
  if (parameter === undefined) return 'unknown';
  const declaration = parameter.valueDeclaration;
  if (declaration !== undefined && ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined) return 'unknown';
  const optional = declaration !== undefined && ts.isParameter(declaration) && declaration.questionToken !== undefined;
  return classify(program.getTypeChecker(), program.getTypeChecker().getTypeOfSymbolAtLocation(parameter, location), optional, program);
}

function hasTypeAnnotation(param: TSESTree.Parameter): boolean {
  return typeAnnotationOf(param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param) !== undefined;
}

function callSignatures(type: ts.Type): readonly ts.Signature[] {
  return unionParts(type).flatMap((part) => part.getCallSignatures());
}

const NULLISH = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;
const UNDECIDED = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.NonPrimitive;

function classify(checker: ts.TypeChecker, type: ts.Type, optional: boolean, program: ts.Program): ErrorParameterVerdict {
  const parts = unionParts(type);
  if (parts.some((part) => (part.flags & UNDECIDED) !== 0)) return 'unknown';
  const values = parts.filter((part) => (part.flags & NULLISH) === 0);
  if (values.length === 0) return 'unknown';
  if (!values.some((part) => isErrorLike(checker, part))) return 'not-error';
  // Without strictNullChecks `Error | null` is just `Error`, so a bare error type says nothing.
  const strict = program.getCompilerOptions().strictNullChecks ?? program.getCompilerOptions().strict ?? false;
  const nullable = optional || values.length < parts.length;
  return nullable && strict ? 'error-first' : 'unknown';
}

/** Has `name` and `message`, as `Error`, `NodeJS.ErrnoException` and every subclass do. */
export function isErrorLike(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.some((part) => isErrorLike(checker, part));
  return checker.getPropertyOfType(type, 'message') !== undefined && checker.getPropertyOfType(type, 'name') !== undefined;
}
