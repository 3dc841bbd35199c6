import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../../shared/async-context';
import type { TextEdit } from '../types';

/**
 * Tidying a converted contract function into what a person converting by
 * hand writes, only where nothing else changes. Each pass gives edits for
 * one function; convert-program.ts applies them pass after pass.
 *
 * `try { value = JSON.parse(text); } catch (e) { return cb(e); }` converts to
 * a `catch (e) { throw e; }` that does nothing an async function does not:
 * the error propagates either way. Such a `try` gives way to its block's
 * statements. Not when a `finally` runs, the block scopes a declaration, a
 * comment sits outside the block, or a string or template spans lines
 * (dedenting would change it).
 */
export function rethrowOnlyTryEdits(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit[] {
  const edits: TextEdit[] = [];
  walkOwnBody(fn, sourceCode, (node) => {
    const edit = node.type === AST_NODE_TYPES.TryStatement ? unwrapped(node, sourceCode) : undefined;
    if (edit !== undefined) edits.push(edit);
    // An unwrapped `try` takes its block's text whole: nothing inside it gets an edit of its own.
    return edit === undefined;
  });
  return edits;
}

/** Every node of the function's own body (not of functions nested in it); `visit` returning false skips a node's children. */
function walkOwnBody(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>, visit: (node: TSESTree.Node) => boolean): void {
  const pending: TSESTree.Node[] = [fn.body];
  while (pending.length > 0) {
    const node = pending.pop() as TSESTree.Node;
    if (!visit(node)) continue;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child) && !isFunctionNode(child)) pending.push(child);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function unwrapped(statement: TSESTree.TryStatement, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit | undefined {
  const { block, handler, finalizer } = statement;
  if (finalizer != null || handler == null || handler.param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const only = handler.body.body[0];
  if (handler.body.body.length !== 1 || only?.type !== AST_NODE_TYPES.ThrowStatement) return undefined;
  if (only.argument.type !== AST_NODE_TYPES.Identifier || only.argument.name !== handler.param.name) return undefined;
  if (block.body.length === 0 || block.body.some(declaresInBlock)) return undefined;
  if (!isStatementListItem(statement)) return undefined;
  if (sourceCode.getCommentsInside(statement).some((comment) => comment.range[0] < block.range[0] || comment.range[1] > block.range[1])) return undefined;
  if (sourceCode.getTokens(block).some((token) => (token.type === AST_TOKEN_TYPES.Template || token.type === AST_TOKEN_TYPES.String) && token.loc.start.line !== token.loc.end.line)) return undefined;
  const first = block.body[0] as TSESTree.Statement;
  const unit = first.loc.start.column - statement.loc.start.column;
  if (first.loc.start.line === block.loc.start.line || unit <= 0) return undefined;
  const inner = sourceCode.text.slice(block.range[0] + 1, block.range[1] - 1).replace(/^[ \t]*\r?\n/, '').replace(/\s+$/, '');
  const indent = ' '.repeat(unit);
  const lines = inner.split('\n').map((line, index) => {
    const dedented = line.startsWith(indent) ? line.slice(unit) : line.trimStart() === '' ? '' : undefined;
    return index === 0 ? line.trimStart() : dedented;
  });
  if (lines.some((line) => line === undefined)) return undefined;
  return { range: statement.range, text: lines.join('\n') };
}

function declaresInBlock(statement: TSESTree.Statement): boolean {
  return (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind !== 'var') ||
    statement.type === AST_NODE_TYPES.ClassDeclaration || statement.type === AST_NODE_TYPES.FunctionDeclaration;
}

/** A statement among others (a block's or a function body's), where statements may take its place. */
function isStatementListItem(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  return parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program || parent?.type === AST_NODE_TYPES.StaticBlock;
}

/**
 * `let value;` right before its only assignment `value = …;` (what the
 * unwrapped `try` leaves): `const value = …;`.
 */
export function declareAtAssignmentEdits(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const edits: TextEdit[] = [];
  const body = fn.body.body;
  for (const [index, statement] of body.entries()) {
    const next = body[index + 1];
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'let' || statement.declarations.length !== 1) continue;
    const declarator = statement.declarations[0] as TSESTree.VariableDeclarator;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init != null || declarator.id.typeAnnotation != null) continue;
    if (next?.type !== AST_NODE_TYPES.ExpressionStatement || next.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const assignment = next.expression;
    if (assignment.operator !== '=' || assignment.left.type !== AST_NODE_TYPES.Identifier || assignment.left.name !== declarator.id.name) continue;
    const variable = sourceCode.getDeclaredVariables(statement)[0];
    if (variable === undefined || variable.references.filter((reference) => reference.isWrite()).length !== 1) continue;
    if (sourceCode.getCommentsInside(next).length > 0 || sourceCode.text.slice(statement.range[1], next.range[0]).trim() !== '') continue;
    edits.push({ range: [statement.range[0], next.range[1]], text: `const ${declarator.id.name} = ${sourceCode.getText(assignment.right)};` });
  }
  return edits;
}

/**
 * A bare `return;` that does nothing: after a `throw` or `return` in the
 * same block (what `return setImmediate(() => cb(err))` leaves), or as the
 * last thing the function does (what `return fs.exists(p, (x) => {…})` in
 * the last branch leaves): the function ends there either way.
 */
export function needlessReturnEdits(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit[] {
  const edits: TextEdit[] = [];
  const tail = tailBlocks(fn);
  walkOwnBody(fn, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.BlockStatement) return true;
    for (const [index, statement] of node.body.entries()) {
      const previous = node.body[index - 1];
      if (statement.type !== AST_NODE_TYPES.ReturnStatement || statement.argument !== null || previous === undefined) continue;
      const unreachable = previous.type === AST_NODE_TYPES.ThrowStatement || previous.type === AST_NODE_TYPES.ReturnStatement;
      const last = tail.has(node) && index === node.body.length - 1;
      if (!unreachable && !last) continue;
      if (sourceCode.getCommentsInside(statement).length > 0 || sourceCode.text.slice(previous.range[1], statement.range[0]).trim() !== '') continue;
      edits.push({ range: [previous.range[1], statement.range[1]], text: '' });
    }
    return true;
  });
  return edits;
}

/** The blocks whose last statement is the last the function runs: its body, and the branches of an `if` (or a block) ending one. */
function tailBlocks(fn: FunctionNode): Set<TSESTree.BlockStatement> {
  const found = new Set<TSESTree.BlockStatement>();
  const visit = (statement: TSESTree.Statement | null | undefined): void => {
    if (statement?.type === AST_NODE_TYPES.BlockStatement) {
      found.add(statement);
      visit(statement.body.at(-1));
    } else if (statement?.type === AST_NODE_TYPES.IfStatement) {
      visit(statement.consequent);
      visit(statement.alternate);
    }
  };
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) visit(fn.body);
  return found;
}
