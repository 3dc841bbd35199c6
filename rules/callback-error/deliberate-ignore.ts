import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../shared/async-context';
import { calleeName } from '../shared/callee-name';

/**
 * Signs, found on library code that ships, that an error is not checked on
 * purpose or cannot happen, so the rule's claim ("the failure is lost")
 * does not hold.
 */

/** Words of a comment that says the error is dropped on purpose (`// don't care`), and ESLint's own opt-out. */
const INTENT = /\b(?:silently|on purpose|best[- ]effort|oh well|intentional(?:ly)?|deliberate(?:ly)?|(?:does not|doesn'?t|do not|don'?t) (?:matter|care)|not important|handle-callback-err)\b/iu;
/** `// ignore errors`, `// the error can be skipped`, `// on error respond anyway`: only with the error named (`// skip hidden files` is about something else). */
const IGNORE_WORD = /\b(?:ignor(?:e|es|ed|ing)|skip(?:s|ped)?|anyway)\b/iu;
const ERROR_WORD = /\b(?:err\w*|fail\w*|exceptions?)\b/iu;

function saysOnPurpose(text: string): boolean {
  return INTENT.test(text) || (IGNORE_WORD.test(text) && ERROR_WORD.test(text));
}

/** Cleanup steps: their callback ignoring the error is the idiom (`fs.unlink(tmp, () => next())`). */
const CLEANUP_CALLEES: ReadonlySet<string> = new Set(['close', 'unlink', 'rmdir', 'rm', 'rimraf', 'destroy', 'kill']);

/** Q's and when.js's rejection handlers: they get the reason of a promise, not an error-first call. */
const REJECTION_HANDLER_METHODS: ReadonlySet<string> = new Set(['fail', 'otherwise']);

/** The `async` library's iteration helpers: the final callback gets only what the iterator passes to its continuation. */
const ASYNC_ITERATION_FUNCTIONS: ReadonlySet<string> = new Set(
  ['each', 'eachOf', 'forEach', 'forEachOf', 'map', 'mapValues', 'filter', 'reject', 'concat', 'times'].flatMap((name) => [name, `${name}Series`, `${name}Limit`]),
);

const DEFERRING_FUNCTIONS: ReadonlySet<string> = new Set(['nextTick', 'setImmediate']);

/** Receivers and methods of logging calls: a value only logged is not used. */
const LOGGER_OBJECTS: ReadonlySet<string> = new Set(['console', 'log', 'logger', 'winston', 'npmlog', 'debug']);
const LOGGING_FUNCTIONS = /^(?:debug|log|trace)$/u;
const LOGGING_METHODS = /^(?:log\w*|debug|info|warn|warning|error|silly|verbose|trace|notice)$/u;

/**
 * A comment in the callback that says the error is dropped on purpose; for an
 * empty function, any comment in it or after the call on its last line
 * (`emitter.on('error', (err) => {}); // stdout throws on close`).
 */
export function marksIgnoredError(fn: FunctionNode, call: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  // Comments of nested functions are about their own callbacks.
  const inside = sourceCode.getCommentsInside(fn.body).filter((comment) => ownerOf(comment, sourceCode) === fn);
  const after = trailingComments(call, sourceCode);
  const empty = fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 0;
  if (empty && inside.length + after.length > 0) return true;
  return [...inside, ...after].some((comment) => saysOnPurpose(comment.value));
}

function ownerOf(comment: TSESTree.Comment, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | undefined {
  for (let node: TSESTree.Node | undefined = sourceCode.getNodeByRangeIndex(comment.range[0]) ?? undefined; node !== undefined; node = node.parent) {
    if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) return node;
  }
  return undefined;
}

/** A comment inside `node` that says going on is meant (`// just ignore, not important`). */
export function hasIntentComment(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.getCommentsInside(node).some((comment) => saysOnPurpose(comment.value));
}

function trailingComments(call: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Comment[] {
  const next = sourceCode.getTokenAfter(call);
  const last = next !== null && next.value === ';' && next.loc.start.line === call.loc.end.line ? next : call;
  return sourceCode.getCommentsAfter(last).filter((comment) => comment.loc.start.line === call.loc.end.line);
}

export function isCleanupCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = calleeName(call.callee);
  return name !== undefined && CLEANUP_CALLEES.has(name);
}

/** `Q.nfcall(fs.stat, dir).fail((err) => …)`, `promise.otherwise((err) => …)`. */
export function isRejectionHandler(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 1) return false;
  const name = calleeName(call.callee);
  return name !== undefined && REJECTION_HANDLER_METHODS.has(name);
}

/**
 * `async.eachLimit(xs, n, (x, next) => { …; next(); }, (err) => …)`: the final
 * callback's error can only come from the iterator, which never passes one
 * (every call of its continuation has no argument, or `null` first).
 */
export function iteratorNeverFails(call: TSESTree.CallExpression | TSESTree.NewExpression, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const name = calleeName(call.callee);
  if (name === undefined || !ASYNC_ITERATION_FUNCTIONS.has(name)) return false;
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  const iterator = index > 0 ? call.arguments[index - 1] : undefined;
  if (iterator?.type !== AST_NODE_TYPES.FunctionExpression && iterator?.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  const continuation = iterator.params[iterator.params.length - 1];
  if (iterator.params.length < 2 || continuation?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.getDeclaredVariables(iterator).find((declared) => declared.name === continuation.name);
  const references = variable?.references.filter((reference) => reference.identifier !== continuation) ?? [];
  return references.length > 0 && references.every((reference) => callsWithoutError(reference.identifier));
}

function callsWithoutError(identifier: TSESTree.Node): boolean {
  const call = identifier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  // `process.nextTick(next)`, `setImmediate(next)`: called later without arguments.
  if (call.callee !== identifier) return call.arguments.length === 1 && DEFERRING_FUNCTIONS.has(calleeName(call.callee) ?? '');
  const first = call.arguments[0];
  return (
    first === undefined ||
    (first.type === AST_NODE_TYPES.Literal && first.value === null) ||
    (first.type === AST_NODE_TYPES.Identifier && first.name === 'undefined')
  );
}

/** `debug('found %j', result)`, `log.silly('data', data)`, `connection.logdebug(plugin, results)`. */
export function isLogArgument(node: TSESTree.Node): boolean {
  const call = node.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee !== node && isLoggingCall(call);
}

/** `if (err) { winston.error(err); }`: the branch only logs, then the code goes on on purpose. */
export function onlyLogs(branch: TSESTree.Node): boolean {
  const statements = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
  return (
    statements.length > 0 &&
    statements.every((statement) => {
      const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement;
      return expression.type === AST_NODE_TYPES.CallExpression && isLoggingCall(expression);
    })
  );
}

function isLoggingCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return LOGGING_FUNCTIONS.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  const object = callee.object;
  if (object.type === AST_NODE_TYPES.Identifier && LOGGER_OBJECTS.has(object.name)) return true;
  return LOGGING_METHODS.test(callee.property.name);
}
