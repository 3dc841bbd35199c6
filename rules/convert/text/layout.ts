import { AST_TOKEN_TYPES, AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The whitespace before the first token on the line where `offset` is. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** Whether `offset` is the first non-blank character of its line. */
export function startsLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, offset));
}

/**
 * Moves the lines after the first from indentation `from` to `to`. Lines
 * that do not start with `from` (blank ones, less indented ones) are kept.
 */
export function reindent(text: string, from: string, to: string): string {
  if (from === to) return text;
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}

/**
 * Whether a string, template or comment spans lines inside the range: its
 * text must not be re-indented.
 */
export function hasMultilineToken(sourceCode: Readonly<TSESLint.SourceCode>, range: readonly [number, number]): boolean {
  const tokens = sourceCode.ast.tokens.filter((token) => token.range[0] >= range[0] && token.range[1] <= range[1]);
  return tokens.some((token) => (token.type === AST_TOKEN_TYPES.Template || token.type === AST_TOKEN_TYPES.String) && token.loc.start.line !== token.loc.end.line);
}

/** The indentation step the file uses between two nesting levels (`fallback` when they do not show one). */
export function indentUnit(outer: string, inner: string, fallback = '  '): string {
  return inner.length > outer.length && inner.startsWith(outer) ? inner.slice(outer.length) : fallback;
}

/** The step between the line where a function starts and a statement of its body. */
export function ownerIndentUnit(text: string, owner: { range: readonly [number, number] }, statementOffset: number): string {
  return indentUnit(indentationAt(text, owner.range[0]), indentationAt(text, statementOffset));
}

/** Comments inside `range` that lie outside every range in `kept`. */
export function commentsOutside(
  sourceCode: Readonly<TSESLint.SourceCode>,
  range: readonly [number, number],
  kept: readonly (readonly [number, number])[],
): TSESTree.Comment[] {
  return sourceCode
    .getAllComments()
    .filter((comment) => comment.range[0] >= range[0] && comment.range[1] <= range[1])
    .filter((comment) => !kept.some((keep) => comment.range[0] >= keep[0] && comment.range[1] <= keep[1]));
}

/**
 * Statements replacing one that stood alone as an `if` branch (`if (x)
 * fs.readFile(…)`) need braces: otherwise only the first would be the branch.
 */
export function bracedIfAlone(statement: TSESTree.Node, replacement: string, indent: string, unit: string): string {
  const parent = statement.parent;
  if (parent === undefined || parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.StaticBlock) return replacement;
  const body = reindent(replacement, indent, indent + unit);
  return `{\n${indent}${unit}${body}\n${indent}}`;
}
