import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../shared/async-context';
import { calleeName } from '../shared/callee-name';

/**
 * Callbacks whose own error is not looked at although no failure is lost:
 * the callback reports a failure whatever its error is, or learns the
 * outcome another way.
 */

const REJECT = 'reject';

/**
 * `fs.close(fd, () => reject(er))`, `fs.unlink(tmp, function () { cb(er) })`,
 * `exec('whoami', (err, stdout) => { …; return cb(new Error('run as root')) })`:
 * a statement of the callback's own body (not under a condition) hands a
 * failure to a callback, to `reject` or throws. The callee's error is the
 * second failure of an error path, or its cause is replaced by the failure
 * reported; either way the code does not go on as if all went well.
 */
export function reportsFailureAnyway(fn: FunctionNode, callbackNames: ReadonlySet<string>, errorPattern: RegExp, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const statements = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [fn.body];
  return statements.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ThrowStatement) return true;
    const expression =
      statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : statement;
    return expression != null && isFailureReport(expression, fn, callbackNames, errorPattern, sourceCode);
  });
}

function isFailureReport(node: TSESTree.Node, fn: FunctionNode, callbackNames: ReadonlySet<string>, errorPattern: RegExp, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  // `cb ? cb(error) : exit()`: the failure goes to the callback when there is one.
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    const call = node.consequent;
    return (
      node.test.type === AST_NODE_TYPES.Identifier &&
      call.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.Identifier &&
      call.callee.name === node.test.name &&
      isFailureReport(call, fn, callbackNames, errorPattern, sourceCode)
    );
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(node.callee);
  const reports = name === REJECT || (node.callee.type === AST_NODE_TYPES.Identifier && callbackNames.has(node.callee.name));
  const failure = node.arguments[0];
  return reports && failure !== undefined && isFailure(failure, fn, errorPattern, sourceCode);
}

/** Constructors and helpers that make an error: `Error`, `TypeError`, `retErr`, `createError`. */
const ERROR_MAKER = /err/iu;

/** `new Error(…)`, `Common.retErr(…)`, or the error of an enclosing callback (`er` of the outer `fs.fstat`). */
function isFailure(node: TSESTree.Node, fn: FunctionNode, errorPattern: RegExp, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  // `cb(bytesToChars(buf))` hands on a result, not a failure.
  if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) return ERROR_MAKER.test(calleeName(node.callee) ?? '');
  if (node.type !== AST_NODE_TYPES.Identifier || !errorPattern.test(node.name)) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  return variable !== null && variable.scope.block !== fn && variable.defs.length > 0;
}

const EXEC_FUNCTIONS: ReadonlySet<string> = new Set(['exec', 'execFile']);

/**
 * `exec(cmd, (err, stdout, stderr) => { if (stderr) … })`: the command's
 * failure is read from what it wrote to stderr. Left out with it: a command
 * that fails without writing to stderr, or cannot start at all.
 */
export function readsStderr(call: TSESTree.CallExpression | TSESTree.NewExpression, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const name = calleeName(call.callee);
  const stderr = fn.params[2];
  if (name === undefined || !EXEC_FUNCTIONS.has(name) || stderr?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.getDeclaredVariables(fn).find((declared) => declared.name === stderr.name);
  return variable?.references.some((reference) => reference.isRead()) ?? false;
}
