import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  ASYNC_COLLECTION_MODULES,
  CALLBACK_FIRST_ARRAY_METHODS,
  CONTINUATION_PARAMETER_NAMES,
  ERROR_PARAMETER_NAMES,
  MODULE_WRAPPER_FUNCTIONS,
  SYNC_ASSERTION_METHODS,
  SYNC_CALLBACK_METHODS,
  TEST_FRAMEWORK_FUNCTIONS,
  TEST_FRAMEWORK_MODIFIERS,
  TITLED_TEST_BLOCKS,
} from '../knowledge/callback-apis';
import { normalizeModuleName } from '../knowledge/lookup';
import { resolveModuleMember } from '../shared/module-references';
import { calleeName } from '../shared/callee-name';
import type { CallbackSite, InlineFunction } from './callback-site';
import { callbackTimingByType } from './callback-timing-by-type';

/**
 * How a callback counts towards the depth:
 * - `async`: a continuation that runs later (error-first and event APIs,
 *   timers, `.then`, `new Promise`, and any callee the rule does not know);
 * - `sync`: an array or iterator method that calls it before returning;
 * - `test`: a test-framework block (`describe`, `it`, `t.test('…', fn)`): structure, not flow;
 * - `wrapper`: a module wrapper (UMD factory, AMD `define`, bundler helpers): the module body;
 * - `ignored`: listed in the `ignore` option.
 */
export type CallbackKind = 'async' | 'sync' | 'test' | 'wrapper' | 'ignored';

export interface ClassifyContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly services: ParserServicesWithTypeInformation | undefined;
  readonly ignore: ReadonlySet<string>;
}

export function classifyCallback(fn: InlineFunction, site: CallbackSite, context: ClassifyContext): CallbackKind {
  const { call } = site;
  const name = calleeName(call.callee);
  if (isIgnored(call.callee, name, context)) return 'ignored';
  if (call.type === AST_NODE_TYPES.NewExpression) return 'async';
  if (isTestFrameworkCallee(call.callee) || isNamedSubtest(site, name)) return 'test';
  if (isModuleWrapper(call.callee, name) || isDeprecationWrapper(call.callee, context.sourceCode)) return 'wrapper';
  // `tasks.push(function (cb) {…})`: stored for later, not called by the push; its body is the task's, not a level of the pyramid.
  // `adb.push(file, remote, (err) => …)` is an API that calls back: only functions handed over alone are stored.
  if (name !== undefined && STORING_METHODS.has(name) && call.callee.type === AST_NODE_TYPES.MemberExpression && call.arguments.every(isFunctionLiteral)) return 'sync';
  if (name !== undefined && SYNC_ASSERTION_METHODS.has(name)) return 'sync';
  const byName = name !== undefined && SYNC_CALLBACK_METHODS.has(name);
  if (byName && (isLookAlikeByShape(fn, site, name) || isAsyncCollectionFunction(call.callee, context.sourceCode))) {
    return 'async';
  }
  const byType = context.services === undefined ? undefined : callbackTimingByType(site, byName, context.services);
  if (byType !== undefined) return byType;
  return byName ? 'sync' : 'async';
}

function isIgnored(callee: TSESTree.Node, name: string | undefined, context: ClassifyContext): boolean {
  if (context.ignore.size === 0) return false;
  if (name !== undefined && context.ignore.has(name)) return true;
  return context.ignore.has(context.sourceCode.getText(callee).replace(/\s+/g, ''));
}

/** `describe`, `it.only`, `test.concurrent.skip`, `describe.each(table)`. */
function isTestFrameworkCallee(callee: TSESTree.Node): boolean {
  let current = callee;
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return TEST_FRAMEWORK_FUNCTIONS.has(current.name);
    if (current.type === AST_NODE_TYPES.CallExpression) {
      current = current.callee;
    } else if (
      current.type === AST_NODE_TYPES.MemberExpression &&
      !current.computed &&
      current.property.type === AST_NODE_TYPES.Identifier &&
      TEST_FRAMEWORK_MODIFIERS.has(current.property.name)
    ) {
      current = current.object;
    } else {
      return false;
    }
  }
}

/**
 * Subtests on a test context or a runner object: tape's and node:test's
 * `t.test('name', (st) => …)`, `Deno.test('name', …)`, ESLint's
 * `this.constructor.describe(ruleName, () => …)`. With a literal title any
 * test-framework name counts; with a computed title only the titled blocks,
 * with the function right after it.
 */
function isNamedSubtest(site: CallbackSite, name: string | undefined): boolean {
  const { call, argument } = site;
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined) return false;
  const first = call.arguments[0];
  if (first?.type === AST_NODE_TYPES.TemplateLiteral || (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string')) {
    return TEST_FRAMEWORK_FUNCTIONS.has(name);
  }
  return TITLED_TEST_BLOCKS.has(name) && call.arguments[1] === argument && first !== undefined && COMPUTED_TITLE_TYPES.has(first.type);
}

/** What a computed test title looks like: a name, a property, a call, a concatenation. */
const COMPUTED_TITLE_TYPES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
]);

function isFunctionLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/** `define([…], function (…) {…})`, and a UMD factory handed to the wrapper written right there. */
function isModuleWrapper(callee: TSESTree.Node, name: string | undefined): boolean {
  if (isFunctionLiteral(callee)) return true;
  return callee.type === AST_NODE_TYPES.Identifier && name !== undefined && MODULE_WRAPPER_FUNCTIONS.has(name);
}

/** Array methods that store a function instead of calling it. */
const STORING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift']);

/** `util.deprecate(function () {…}, message)`: the function is the method itself, wrapped. */
function isDeprecationWrapper(callee: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const member = resolveModuleMember(callee, sourceCode);
  return member !== undefined && normalizeModuleName(member.module) === 'util' && member.path.length === 1 && member.path[0] === 'deprecate';
}

/** `async.map(…)`, `const { each } = require('async'); each(…)`, Bluebird's `Promise.map(…)`. */
function isAsyncCollectionFunction(callee: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const member = resolveModuleMember(callee, sourceCode);
  return member !== undefined && ASYNC_COLLECTION_MODULES.has(normalizeModuleName(member.module));
}

/**
 * An array-method name used with the shape of a callback API: the function
 * is not the first argument (`Model.find(query, fn)`, `async.map(xs, fn, done)`)
 * and takes an error first or a continuation last. `_.map(xs, x => …)` keeps
 * its array meaning.
 */
function isLookAlikeByShape(fn: InlineFunction, site: CallbackSite, name: string): boolean {
  if (!CALLBACK_FIRST_ARRAY_METHODS.has(name) || site.call.arguments[0] === site.argument) return false;
  const first = fn.params[0];
  const last = fn.params[fn.params.length - 1];
  return (
    (first?.type === AST_NODE_TYPES.Identifier && ERROR_PARAMETER_NAMES.has(first.name)) ||
    (fn.params.length >= 2 && last?.type === AST_NODE_TYPES.Identifier && CONTINUATION_PARAMETER_NAMES.has(last.name))
  );
}
