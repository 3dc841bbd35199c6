import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { lookupApi } from '../../knowledge/lookup';
import type { NodeApi } from '../../knowledge/node-apis';
import { EVENT_METHODS, SYNC_CALLBACK_METHODS } from '../../knowledge/callback-apis';
import { isFunctionNode, type FunctionNode } from '../../shared/async-context';
import { resolveModuleMember } from '../../shared/module-references';
import { chainMethodOf } from '../chains/then-chain';
import { userErrorFirstApi } from './user-function';
import { dropInFsApi } from './drop-in-fs-value';
import { resolveModuleMemberByType } from '../../shared/type-module-member';
import { calleeName } from '../../shared/callee-name';
import type { RefusalReason } from '../refusal-reasons';
import { typedErrorFirstCallee, type TypedPromiseForm } from './typed-callee';
import { contractCalleeApi } from './contract-callees';

/** A call that hands a callback to an API. */
export interface CallbackCall {
  readonly call: TSESTree.CallExpression;
  /** The callback argument (a function literal, or anything else when not inline). */
  readonly callbackArgument: TSESTree.CallExpressionArgument;
  /** The other arguments, in order. */
  readonly otherArguments: readonly TSESTree.CallExpressionArgument[];
  /** The table's entry for the callee, when it resolves to a known API. */
  readonly api: NodeApi | undefined;
  /** For a callee known only by its declared type: how to await it. */
  readonly typed?: TypedPromiseForm;
  /** What the declared type rules out, when it does. */
  readonly refusal?: RefusalReason;
}

const ERROR_NAME = /^(?:e|er|err|error|\w*(?:Err|Error))$/;

/** Whether a parameter's name says it receives an error. */
export function looksLikeErrorParameter(parameter: TSESTree.Parameter | undefined): boolean {
  return parameter?.type === AST_NODE_TYPES.Identifier && looksLikeErrorName(parameter.name);
}

export function looksLikeErrorName(name: string): boolean {
  return ERROR_NAME.test(name);
}

/** `new E(…)`, or `Object.assign(new E(…), { code })`, which returns the new error. */
export function createsError(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || node.callee.computed) return false;
  const { object, property } = node.callee;
  const target = node.arguments[0];
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Object' && property.type === AST_NODE_TYPES.Identifier && property.name === 'assign' && target?.type === AST_NODE_TYPES.NewExpression;
}

export function resolveApi(
  callee: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): NodeApi | undefined {
  const member = resolveModuleMember(callee, sourceCode) ?? (services === undefined ? undefined : resolveModuleMemberByType(callee, services));
  return (member === undefined ? undefined : lookupApi(member)) ?? dropInFsApi(callee, sourceCode, member);
}

/**
 * The call as a callback call: a known callback API (with its callback where
 * the table says), or any call whose last argument is a function literal
 * whose first parameter is named like an error. Undefined for everything else
 * (array methods, event listeners, …), which are no candidates at all.
 */
export function matchCallbackCall(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): CallbackCall | undefined {
  const args = call.arguments;
  const last = args.at(-1);
  if (last === undefined || chainMethodOf(call) !== undefined) return undefined;
  const lastIsFunction = isFunctionNode(last);
  const firstIsFunction = args[0] !== undefined && isFunctionNode(args[0]);
  // Cheap syntactic filter before any scope or type work.
  if (!lastIsFunction && !firstIsFunction && last.type !== AST_NODE_TYPES.Identifier) return undefined;
  const contractApi = contractCalleeApi(call, sourceCode);
  if (typeof contractApi === 'string') return lastIsFunction ? { call, callbackArgument: last, otherArguments: args.slice(0, -1), api: undefined, refusal: contractApi } : undefined;
  const api = contractApi ?? resolveApi(call.callee, sourceCode, services);
  if (api?.callbackFirst === true) {
    const [first, ...rest] = args;
    return first === undefined ? undefined : { call, callbackArgument: first, otherArguments: rest, api };
  }
  const known = api?.kind === 'error-first' || api?.kind === 'plain-callback';
  if (known && (lastIsFunction || (api?.kind === 'error-first' && last.type === AST_NODE_TYPES.Identifier))) return { call, callbackArgument: last, otherArguments: args.slice(0, -1), api };
  // Array and event methods take callbacks that are neither error-first nor called once.
  const method = calleeName(call.callee);
  if (method !== undefined && (SYNC_CALLBACK_METHODS.has(method) || EVENT_METHODS.has(method))) return undefined;
  if (lastIsFunction && looksLikeErrorParameter((last as FunctionNode).params[0])) {
    const userApi = api === undefined ? userErrorFirstApi(call, sourceCode, services) : undefined;
    const typed = api === undefined && userApi === undefined && services !== undefined ? typedErrorFirstCallee(call, services) : undefined;
    const otherArguments = args.slice(0, -1);
    if (typed?.kind === 'api') return { call, callbackArgument: last, otherArguments, api: typed.api, typed: typed.form };
    if (typed?.kind === 'refused') return { call, callbackArgument: last, otherArguments, api: undefined, refusal: typed.reason };
    return { call, callbackArgument: last, otherArguments, api: api ?? userApi };
  }
  return undefined;
}
