import { AST_TOKEN_TYPES, AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../shared/async-context';
import { parametersOf } from '../shared/error-first-callback';
import { isDirective, typeParametersOf } from '../shared/optional-keys';

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

/**
 * Where a callback's error should go: the enclosing function's own callback
 * parameter (`callback`, `cb`, `done`, `next`), or `reject` of an enclosing
 * `new Promise` executor, whichever is nearer. Undefined when neither exists
 * or the name is shadowed at the callback.
 */
export function forwardTarget(
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  callbackNames: ReadonlySet<string>,
): string | undefined {
  for (let current: TSESTree.Node | undefined = fn.parent; current != null; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const params = parametersOf(current);
    const isExecutor =
      current.parent.type === AST_NODE_TYPES.NewExpression &&
      current.parent.arguments[0] === current &&
      current.parent.callee.type === AST_NODE_TYPES.Identifier &&
      current.parent.callee.name === 'Promise';
    const candidate = isExecutor
      ? params[1]
      : params.findLast((param) => param.type === AST_NODE_TYPES.Identifier && callbackNames.has(param.name));
    if (candidate?.type !== AST_NODE_TYPES.Identifier) continue;
    const visible = ASTUtils.findVariable(sourceCode.getScope(fn.body), candidate.name);
    const declaredHere = visible?.defs.some((definition) => definition.name === candidate) ?? false;
    return declaredHere ? candidate.name : undefined;
  }
  return undefined;
}

/** A name for an error parameter the callback does not declare, that nothing inside it uses. */
export function freshErrorName(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>, avoid: string | undefined): string | undefined {
  const text = sourceCode.getText(fn);
  return ['err', 'error', 'cbErr'].find((name) => name !== avoid && !new RegExp(`\\b${name}\\b`).test(text));
}

/**
 * Puts `statement` first in the callback: before the first statement of a
 * block body (after directives), or by turning an expression body into a block
 * that returns the expression. `addParameter` declares the error parameter of
 * a callback that has none.
 */
export function insertAtStartFix(
  fn: FunctionNode,
  statement: string,
  addParameter: string | undefined,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Fix | undefined {
  const parameterFix = addParameter === undefined ? undefined : addParameterFix(fn, addParameter, sourceCode);
  if (addParameter !== undefined && parameterFix === undefined) return undefined;
  const bodyFix = fn.body.type === AST_NODE_TYPES.BlockStatement
    ? blockInsertFix(fn.body, statement, sourceCode)
    : expressionBodyFix(fn, fn.body, statement, sourceCode);
  if (bodyFix === undefined) return undefined;
  return (fixer) => [bodyFix(fixer), ...(parameterFix === undefined ? [] : [parameterFix(fixer)])].flat();
}

function blockInsertFix(body: TSESTree.BlockStatement, statement: string, sourceCode: Readonly<TSESLint.SourceCode>): Fix {
  const first = body.body.find((item) => !isDirective(item));
  if (first !== undefined) {
    const anchor = sourceCode.getCommentsBefore(first).find((comment) => comment.range[0] > body.range[0]) ?? first;
    const indent = indentationBefore(anchor.range[0], sourceCode);
    const separator = indent === undefined ? `${terminated(statement)} ` : `\n${indent}`;
    return (fixer) => fixer.insertTextBeforeRange(anchor.range, `${statement}${separator}`);
  }
  const lastDirective = body.body.at(-1);
  const openBrace = sourceCode.getFirstToken(body);
  const closeBrace = sourceCode.getLastToken(body);
  return (fixer) => {
    if (lastDirective !== undefined) return fixer.insertTextAfter(lastDirective, ` ${statement}`);
    if (openBrace === null || closeBrace === null || openBrace.loc.end.line === closeBrace.loc.start.line) {
      return fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], ` ${statement} `);
    }
    const closeIndent = indentationBefore(closeBrace.range[0], sourceCode) ?? '';
    return fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], `\n${closeIndent}  ${statement}`);
  };
}

function expressionBodyFix(
  fn: FunctionNode,
  body: TSESTree.Expression,
  statement: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): Fix | undefined {
  const arrow = sourceCode.getTokenBefore(body, { filter: (token) => token.value === '=>', includeComments: false });
  if (arrow === null) return undefined;
  const after = sourceCode.getTokenAfter(arrow, { includeComments: true });
  // A comment right after `=>` would land between `return` and its value.
  if (after === null || after.type === AST_TOKEN_TYPES.Block || after.type === AST_TOKEN_TYPES.Line) return undefined;
  const text = sourceCode.text.slice(after.range[0], fn.range[1]);
  return (fixer) => fixer.replaceTextRange([arrow.range[1], fn.range[1]], ` { ${statement}${terminated(statement)} return ${text}; }`);
}

function addParameterFix(fn: FunctionNode, name: string, sourceCode: Readonly<TSESLint.SourceCode>): Fix | undefined {
  if (typeParametersOf(fn) !== undefined || fn.params.length > 0) return undefined;
  // Without type parameters the first `(` of a function is its parameter list.
  const openParen = sourceCode.getFirstToken(fn, { filter: (token) => token.value === '(' });
  if (openParen === null || openParen.range[0] > fn.body.range[0]) return undefined;
  return (fixer) => fixer.insertTextAfter(openParen, name);
}

/** What a statement needs before another one on the same line: `;` unless it has one. */
function terminated(statement: string): string {
  return statement.endsWith(';') ? '' : ';';
}

/** The whitespace before `offset` when only whitespace precedes it on its line. */
function indentationBefore(offset: number, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const lineStart = sourceCode.text.lastIndexOf('\n', offset - 1) + 1;
  const before = sourceCode.text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/**
 * Makes an error branch stop: `cb(err);` becomes `return cb(err);`, any other
 * last statement gets a `return;` after it.
 */
export function addReturnFix(branch: TSESTree.Statement, sourceCode: Readonly<TSESLint.SourceCode>, semicolon: string): Fix {
  const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body.at(-1) : branch;
  if (last === undefined) {
    return (fixer) => fixer.insertTextAfterRange([branch.range[0], branch.range[0] + 1], ` return${semicolon} `);
  }
  if (last.type === AST_NODE_TYPES.ExpressionStatement && last.expression.type === AST_NODE_TYPES.CallExpression) {
    return (fixer) => fixer.insertTextBefore(last, 'return ');
  }
  const ends = /[;}]$/.test(sourceCode.getText(last)) ? '' : ';';
  if (last !== branch) {
    const indent = indentationBefore(last.range[0], sourceCode);
    return (fixer) => fixer.insertTextAfter(last, indent === undefined ? `${ends} return${semicolon}` : `\n${indent}return${semicolon}`);
  }
  return (fixer) => [fixer.insertTextBefore(branch, '{ '), fixer.insertTextAfter(branch, `${ends} return${semicolon} }`)];
}

/** `err && cb(err);` becomes `if (err) return cb(err);`: the short-circuit form cannot return. */
export function returnFromShortCircuitFix(
  statement: TSESTree.ExpressionStatement,
  test: TSESTree.Node,
  branch: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  semicolon: string,
): Fix {
  return (fixer) => fixer.replaceText(statement, `if (${sourceCode.getText(test)}) return ${sourceCode.getText(branch)}${semicolon}`);
}
