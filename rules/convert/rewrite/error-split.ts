import { ScopeType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { renderRange } from '../text/text-edits';
import { refuse, type Refused, type TextEdit } from '../types';

type Statement = TSESTree.Statement;

/**
 * `(err) => { log(err ? err.message : 'none'); }`: the error is read only
 * through `err ? A : B`. The body is written twice, with `A` in the `catch`
 * and with `B` after it, as a person converting it by hand would.
 */
export interface ErrorSplit {
  readonly mode: 'split';
  readonly errorName: string;
  readonly tests: readonly TSESTree.ConditionalExpression[];
  readonly body: readonly Statement[];
  /** Empty when the body reads `err.code` before any check: it expects the error (see errorExpected). */
  readonly success: readonly Statement[][];
}

/** Nodes an unconditional read passes through on its way up to its statement. */
const PLAIN_PATH = new Set<string>([
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ExpressionStatement,
]);

/**
 * `(err) => { console.log('missing:', err.code); }`: the first statement reads
 * a property of the error with no check before it, so the callback only makes
 * sense when the call fails. It becomes the `catch` block alone. Had the call
 * succeeded, reading `null.code` threw a TypeError; now nothing runs (the
 * conversion's report says so).
 */
export function errorExpected(body: readonly Statement[], errorVariable: TSESLint.Scope.Variable, resultNames: ReadonlySet<TSESLint.Scope.Variable>): ErrorSplit | undefined {
  const first = body[0];
  if (first === undefined || [...resultNames].some((variable) => variable.references.length > 0)) return undefined;
  const readsFirst = errorVariable.references.some((reference) => {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || member.optional) return false;
    if (!within(member, first)) return false;
    // Up to the statement (an arrow's expression body stands for one: same range, no statement node).
    for (let node: TSESTree.Node | undefined = member; node !== undefined && node !== first; node = node.parent) {
      if (!PLAIN_PATH.has(node.type)) return false;
      if (node.range[0] === first.range[0] && node.range[1] === first.range[1]) break;
    }
    return true;
  });
  return readsFirst ? { mode: 'split', errorName: errorVariable.name, tests: [], body, success: [] } : undefined;
}

/** A short body is written twice; a longer one stays a callback. */
const MAX_SPLIT_STATEMENTS = 2;

/** The split, when every read of the error is the test (or inside the error branch) of `err ? A : B`; undefined when the body does not read it that way. */
export function splitOnErrorTests(
  body: readonly Statement[],
  errorVariable: TSESLint.Scope.Variable,
  resultNames: ReadonlySet<TSESLint.Scope.Variable>,
  sourceCode: Readonly<TSESLint.SourceCode>,
  isErrorTest: (test: TSESTree.Expression, name: string) => boolean,
): ErrorSplit | Refused | undefined {
  const errorName = errorVariable.name;
  const tests: TSESTree.ConditionalExpression[] = [];
  for (const reference of errorVariable.references) {
    const conditional = reference.identifier.parent;
    if (conditional?.type === AST_NODE_TYPES.ConditionalExpression && conditional.test === reference.identifier && isErrorTest(conditional.test, errorName)) tests.push(conditional);
  }
  if (tests.length === 0) return undefined;
  const inErrorBranch = (node: TSESTree.Node): boolean => tests.some((test) => within(node, test.test) || within(node, test.consequent));
  if (!errorVariable.references.every((reference) => inErrorBranch(reference.identifier))) return undefined;
  const nested = tests.some((test) => tests.some((other) => other !== test && within(other, test)));
  const first = body[0];
  const last = body.at(-1);
  if (first === undefined || last === undefined || body.length > MAX_SPLIT_STATEMENTS || nested) return refuse('error-shape');
  // Written twice, a nested function or a comment would be twice too.
  const span = { range: [first.range[0], last.range[1]] as const };
  const holdsFunction = (sourceCode.scopeManager?.scopes ?? []).some((scope) => (scope.type === ScopeType.function || scope.type === ScopeType.class) && within(scope.block, span));
  if (holdsFunction || sourceCode.getAllComments().some((comment) => within(comment, span))) return refuse('error-shape');
  for (const variable of resultNames) {
    if (variable.references.some((reference) => tests.some((test) => within(reference.identifier, test.consequent)))) return refuse('results-in-handler');
  }
  return { mode: 'split', errorName, tests, body, success: [[...body]] };
}

/** The edits that write one side of the split: each `err ? A : B` becomes `A` (the error side) or `B`. */
export function splitEdits(split: ErrorSplit, side: 'error' | 'success', edits: readonly TextEdit[], text: string): TextEdit[] {
  const inTest = (edit: TextEdit): boolean => split.tests.some((test) => edit.range[0] >= test.range[0] && edit.range[1] <= test.range[1]);
  const replaced = split.tests.map((test) => {
    const branch = side === 'error' ? test.consequent : test.alternate;
    return { range: test.range, text: parenthesised(branch, renderRange(text, branch.range, edits)) };
  });
  return [...edits.filter((edit) => !inTest(edit)), ...replaced];
}

/** `a, b` or another low-precedence branch keeps its meaning where the conditional stood. */
function parenthesised(branch: TSESTree.Expression, text: string): string {
  const loose = branch.type === AST_NODE_TYPES.SequenceExpression || branch.type === AST_NODE_TYPES.AssignmentExpression || branch.type === AST_NODE_TYPES.ConditionalExpression || branch.type === AST_NODE_TYPES.YieldExpression || branch.type === AST_NODE_TYPES.ArrowFunctionExpression;
  return loose ? `(${text})` : text;
}

function within(node: { range: readonly [number, number] }, container: { range: readonly [number, number] }): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
