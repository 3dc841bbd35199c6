import { enclosingFunction } from '../../shared/async-context';
import { AST_TOKEN_TYPES, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ChainContext } from '../rewrite/chain-context';
import { indentationAt, reindent, startsLine, hasMultilineToken } from '../text/layout';
import { renderRange } from '../text/text-edits';
import { refuse, type Refused, type TextEdit } from '../types';

export interface Body {
  /** Statements to inline before the value, already rendered (may be ''). */
  readonly statements: string;
  /** The value the handler produces, or undefined (no tail `return`). */
  readonly value: string | undefined;
  readonly valueNode: TSESTree.Expression | undefined;
}

/** The statements of a handler, reindented to `target`, and the value it resolves to. */
export function handlerBody(
  handler: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
  target: string,
  allowNoValue: boolean,
  edits: readonly TextEdit[],
  kept: (readonly [number, number])[],
  context: ChainContext,
  keepReturns = false,
): Body | Refused {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement) {
    kept.push(handler.body.range);
    return { statements: '', value: renderRange(text, handler.body.range, edits), valueNode: handler.body };
  }
  const statements = handler.body.body;
  const last = statements.at(-1);
  const tail = last?.type === AST_NODE_TYPES.ReturnStatement && !keepReturns ? last : undefined;
  const returns = ownReturnsIn(handler, sourceCode);
  if (!keepReturns && returns.some((statement) => statement !== tail)) return refuse('handler-returns');
  void allowNoValue;
  const before = tail === undefined ? statements : statements.slice(0, -1);
  let rendered = '';
  const first = before[0];
  const end = before.at(-1);
  if (first !== undefined && end !== undefined) {
    // Comments between the handler's `{` and its first statement belong to that statement.
    const leading = first === statements[0] ? sourceCode.getCommentsBefore(first)[0] : undefined;
    const trailing = end === statements.at(-1) ? sourceCode.getCommentsAfter(end).filter((comment) => comment.range[1] <= handler.body.range[1]).at(-1) : undefined;
    const range: [number, number] = [leading?.range[0] ?? first.range[0], trailing?.range[1] ?? end.range[1]];
    kept.push(range);
    rendered = renderRange(text, range, edits);
    const from = startsLine(text, range[0]) ? indentationAt(text, range[0]) : target;
    if (!hasMultilineToken(sourceCode, range)) rendered = reindent(rendered, from, target);
  }
  if (tail?.argument == null) return { statements: rendered, value: undefined, valueNode: undefined };
  kept.push(tail.argument.range);
  return { statements: rendered, value: renderRange(text, tail.argument.range, edits), valueNode: tail.argument };
}

export function ownReturnsIn(handler: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ReturnStatement[] {
  return sourceCode
    .getTokens(handler.body)
    .filter((token) => token.type === AST_TOKEN_TYPES.Keyword && token.value === 'return')
    .map((token) => sourceCode.getNodeByRangeIndex(token.range[0]))
    .filter((node): node is TSESTree.ReturnStatement => node?.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(node) === handler);
}

/** A destructuring parameter always counts: destructuring `undefined` throws. */
export function isUsedParameter(parameter: TSESTree.Parameter, handler: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (parameter.type !== AST_NODE_TYPES.Identifier) return true;
  return (sourceCode.scopeManager?.acquire(handler, true)?.set.get(parameter.name)?.references.length ?? 0) > 0;
}
