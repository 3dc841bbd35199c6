import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  EVENT_METHODS,
  EVENT_SHORTHAND_METHODS,
  LISTENER_REMOVAL_METHODS,
  PROMISE_METHODS,
  SYNC_CALLBACK_METHODS,
  TEST_FRAMEWORK_FUNCTIONS,
  TIMER_FUNCTIONS,
} from '../knowledge/callback-apis';
import { canonicalMember, lookupApi } from '../knowledge/lookup';
import type { NodeApi } from '../knowledge/node-apis';
import { isFunctionNode, type FunctionNode } from './async-context';
import { errorParameterVerdict } from './error-parameter-type';
import { resolveModuleMember } from './module-references';
import { resolveModuleMemberByType } from './type-module-member';
import { calleeName } from './callee-name';
import { localFunctionNames } from './file-facts';

/** Why a callback is taken to be error-first. */
export type ErrorFirstEvidence =
  /** The callee is an error-first API of the knowledge table: its first parameter is the error whatever its name. */
  | { readonly kind: 'api'; readonly api: NodeApi; readonly qualifiedName: string }
  /** The checker says the first parameter is `Error | null`. */
  | { readonly kind: 'type' }
  /** Nothing is known but the first parameter's name. */
  | { readonly kind: 'name' };

export interface ErrorFirstCallback {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The argument as written: the function, `fn.bind(this)`, or a reference to a local function. */
  readonly argument: TSESTree.Node;
  /** The function that will be called back. */
  readonly fn: FunctionNode;
  readonly evidence: ErrorFirstEvidence;
}

export interface ErrorFirstOptions {
  /** Names a callback's error parameter may have when nothing but the name is known. */
  readonly errorParameterPattern: RegExp;
}

/**
 * The function behind a call argument: a function literal, `function … {}.bind(x)`,
 * or an identifier bound once to a local function (`fs.readFile(p, onRead)`).
 */
export function functionOfArgument(argument: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  if (argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression) return argument;
  if (
    argument.type === AST_NODE_TYPES.CallExpression &&
    argument.callee.type === AST_NODE_TYPES.MemberExpression &&
    !argument.callee.computed &&
    argument.callee.property.type === AST_NODE_TYPES.Identifier &&
    argument.callee.property.name === 'bind' &&
    argument.callee.object.type === AST_NODE_TYPES.FunctionExpression
  ) {
    return argument.callee.object;
  }
  if (argument.type !== AST_NODE_TYPES.Identifier || localFunctionNames(sourceCode)?.has(argument.name) === false) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(argument), argument);
  if (variable === null || variable.defs.length !== 1) return undefined;
  const [definition] = variable.defs;
  if (definition === undefined) return undefined;
  if (definition.type === DefinitionType.FunctionName && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  if (definition.type !== DefinitionType.Variable) return undefined;
  if (definition.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = definition.node.init;
  const reassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
  return init !== null && isFunctionNode(init) && !reassigned ? init : undefined;
}

/**
 * Whether the function passed as `call.arguments[index]` is called error-first,
 * and on what evidence: the knowledge table first (it also rules out `fs.exists`,
 * timers, servers), then the checker, then the parameter's name.
 */
export function classifyCallbackArgument(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
  options: ErrorFirstOptions,
): ErrorFirstCallback | undefined {
  const argument = call.arguments[index];
  if (argument === undefined) return undefined;
  const known = knownApiOf(call, sourceCode, services);
  if (known !== undefined) {
    if (known.api.kind !== 'error-first' || index !== call.arguments.length - 1) return undefined;
    return { call, argument, fn, evidence: { kind: 'api', ...known } };
  }
  // Before types: `errors.forEach((err) => …)` over `(Error | null)[]` has an error-typed first parameter too.
  if (isNeverErrorFirstCallee(call)) return undefined;
  if (services !== undefined) {
    const verdict = errorParameterVerdict(argument, fn, services);
    if (verdict === 'error-first') return { call, argument, fn, evidence: { kind: 'type' } };
    if (verdict === 'not-error') return undefined;
  }
  const name = errorParameterName(fn);
  if (name === undefined || !options.errorParameterPattern.test(name)) return undefined;
  // `(err, req, res, next)` is an Express error handler: the error is its subject, not a result to check.
  if (parametersOf(fn).length === 4) return undefined;
  return { call, argument, fn, evidence: { kind: 'name' } };
}

/** The table entry of the callee, by import/require tracking or else by the checker. */
export function knownApiOf(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): { api: NodeApi; qualifiedName: string } | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const member =
    resolveModuleMember(call.callee, sourceCode) ??
    (services === undefined ? undefined : resolveModuleMemberByType(call.callee, services));
  const api = member === undefined ? undefined : lookupApi(member);
  const canonical = member === undefined ? undefined : canonicalMember(member);
  if (api === undefined || canonical === undefined) return undefined;
  return { api, qualifiedName: canonical.module === '' ? canonical.name : `${canonical.module}.${canonical.name}` };
}

/** Callees whose callbacks get elements, events, values or test hooks: an `e` there is not an error. */
function isNeverErrorFirstCallee(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type === AST_NODE_TYPES.NewExpression) {
    return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'Promise';
  }
  const name = calleeName(call.callee);
  if (name === undefined) return false;
  return (
    SYNC_CALLBACK_METHODS.has(name) ||
    EVENT_METHODS.has(name) ||
    EVENT_SHORTHAND_METHODS.has(name) ||
    LISTENER_REMOVAL_METHODS.has(name) ||
    TIMER_FUNCTIONS.has(name) ||
    PROMISE_METHODS.has(name) ||
    TEST_FRAMEWORK_FUNCTIONS.has(name)
  );
}

/** The parameters without a TypeScript `this` parameter. */
export function parametersOf(fn: FunctionNode): TSESTree.Parameter[] {
  return fn.params.filter((param) => !(param.type === AST_NODE_TYPES.Identifier && param.name === 'this'));
}

/** The error parameter's identifier: `err` in `(err, data)` and `(err = null)`; none when destructured or rest. */
export function errorParameterIdentifier(fn: FunctionNode): TSESTree.Identifier | undefined {
  const first = parametersOf(fn)[0];
  if (first?.type === AST_NODE_TYPES.Identifier) return first;
  if (first?.type === AST_NODE_TYPES.AssignmentPattern && first.left.type === AST_NODE_TYPES.Identifier) return first.left;
  return undefined;
}

function errorParameterName(fn: FunctionNode): string | undefined {
  return errorParameterIdentifier(fn)?.name;
}
