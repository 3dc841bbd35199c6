import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { refuse, type Refused } from '../types';
import { errorExpected, splitOnErrorTests, type ErrorSplit } from './error-split';

type Statement = TSESTree.Statement;

/** How the callback's error path maps onto `await`. */
export type ErrorHandling =
  /** `if (err) throw err;` or no error parameter in a plain callback: the rejection propagates. */
  | { readonly mode: 'propagate'; readonly check: TSESTree.IfStatement | undefined; readonly success: readonly Statement[][] }
  /** The error was never looked at: it now rejects instead of being ignored. */
  | { readonly mode: 'unchecked'; readonly success: readonly Statement[][] }
  /** `if (err) { handle; return; }`: `try { await } catch (err) { handle; return; }`. */
  | {
      readonly mode: 'handler';
      readonly check: TSESTree.IfStatement;
      readonly handler: readonly Statement[];
      /** The handler does not stop by itself (an `if/else`), so the catch must return. */
      readonly addReturn: boolean;
      readonly success: readonly Statement[][];
    }
  | ErrorSplit;

/**
 * Classifies the callback's error path. `success` holds groups of
 * consecutive statements that run when there is no error.
 */
export function classifyErrorHandling(
  body: readonly Statement[],
  errorFirst: boolean,
  errorVariable: TSESLint.Scope.Variable | undefined,
  resultNames: ReadonlySet<TSESLint.Scope.Variable>,
  errorCarriesResults = false,
  /** Set while a contract is converted: handing the error to its callback is propagating it. */
  completionOf: CompletionOf = () => undefined,
  sourceCode?: Readonly<TSESLint.SourceCode>,
): ErrorHandling | Refused {
  const references = errorVariable?.references ?? [];
  if (references.length === 0) {
    const success = nonEmpty([[...body]]);
    return errorFirst ? { mode: 'unchecked', success } : { mode: 'propagate', check: undefined, success };
  }
  const errorName = errorVariable?.name ?? '';
  const [first, ...rest] = body;
  // `(err, data) => cb(err, data)`: the whole outcome handed on, error and result alike.
  if (first !== undefined && rest.length === 0 && forwardsOutcome(first, errorName, completionOf)) return { mode: 'propagate', check: undefined, success: [[first]] };
  if (first?.type !== AST_NODE_TYPES.IfStatement || !isErrorTest(first.test, errorName)) {
    if (errorVariable === undefined || sourceCode === undefined) return refuse('error-shape');
    return splitOnErrorTests(body, errorVariable, resultNames, sourceCode, isErrorTest) ?? errorExpected(body, errorVariable, resultNames) ?? refuse('error-shape');
  }
  const inside = (node: TSESTree.Node, container: TSESTree.Node): boolean => node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
  const stray = references.some((reference) => !inside(reference.identifier, first.test) && !inside(reference.identifier, first.consequent));
  if (stray) return refuse('error-shape');
  const alternate = first.alternate === null ? [] : statementsOf(first.alternate);
  const success = nonEmpty([alternate, rest]);
  if (isRethrow(first.consequent, errorName) || forwardsError(statementsOf(first.consequent), errorName, completionOf)) return { mode: 'propagate', check: first, success };
  const handler = statementsOf(first.consequent);
  for (const variable of errorCarriesResults ? [] : resultNames) {
    if (variable.references.some((reference) => inside(reference.identifier, first.consequent))) return refuse('results-in-handler');
  }
  const exits = endsWithExit(handler);
  if (!exits && rest.length > 0) return refuse('error-falls-through');
  return { mode: 'handler', check: first, handler, addReturn: !exits && alternate.length > 0, success };
}

/** For a contract being converted: the call of its callback a statement makes (`cb(…)`, `return cb(…)`). */
export type CompletionOf = (statement: Statement) => TSESTree.CallExpression | undefined;

/** `cb(err)`, `return cb(err)`, `cb(err); return;`: the error handed on unchanged. */
function forwardsError(statements: readonly Statement[], errorName: string, completionOf: CompletionOf): boolean {
  const [first, second, ...rest] = statements;
  if (rest.length > 0 || first === undefined) return false;
  if (second !== undefined && !(second.type === AST_NODE_TYPES.ReturnStatement && second.argument === null)) return false;
  const call = completionOf(first);
  return call?.arguments.length === 1 && isName(call.arguments[0], errorName);
}

/** `cb(err, data)` as the whole body: error and results handed on together; only its first argument reads the error. */
function forwardsOutcome(statement: Statement, errorName: string, completionOf: CompletionOf): boolean {
  const call = completionOf(statement);
  if (call === undefined || !isName(call.arguments[0], errorName)) return false;
  return call.arguments.slice(1).every((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name !== errorName);
}

function isName(node: TSESTree.Node | undefined, name: string): boolean {
  return node?.type === AST_NODE_TYPES.Identifier && node.name === name;
}

function nonEmpty(groups: Statement[][]): Statement[][] {
  return groups.filter((group) => group.length > 0);
}

function statementsOf(statement: Statement): Statement[] {
  return statement.type === AST_NODE_TYPES.BlockStatement ? [...statement.body] : [statement];
}

/** `err`, `err != null` or `err != undefined`: each is false exactly when Node passes `null`/`undefined`. */
export function isErrorTest(test: TSESTree.Expression, name: string): boolean {
  if (test.type === AST_NODE_TYPES.Identifier) return test.name === name;
  return (
    test.type === AST_NODE_TYPES.BinaryExpression &&
    test.operator === '!=' &&
    test.left.type === AST_NODE_TYPES.Identifier &&
    test.left.name === name &&
    ((test.right.type === AST_NODE_TYPES.Literal && test.right.value === null) || (test.right.type === AST_NODE_TYPES.Identifier && test.right.name === 'undefined'))
  );
}

function isRethrow(statement: Statement, name: string): boolean {
  const [only, ...others] = statementsOf(statement);
  return (
    others.length === 0 &&
    only?.type === AST_NODE_TYPES.ThrowStatement &&
    only.argument.type === AST_NODE_TYPES.Identifier &&
    only.argument.name === name
  );
}

function endsWithExit(statements: readonly Statement[]): boolean {
  const last = statements.at(-1);
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}
