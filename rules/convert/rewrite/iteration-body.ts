import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../../shared/async-context';
import type { ChainContext } from './chain-context';
import { indentationAt } from '../text/layout';
import { isLoop } from '../inference/loop-awaits';
import { refuse, type Refused, type TextEdit } from '../types';

type Callback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * In a loop, the callback was the rest of one iteration, and its body now
 * becomes the rest of the loop body. Its `return` ended that iteration, so
 * it becomes `continue` (`return f(x);` → `f(x); continue;`: the value was
 * dropped anyway). Refused when the `return` stands in a loop of the
 * callback's own, where `continue` would go on with that inner loop, and
 * when the callback declares a `var`: each call had its own binding, the
 * iterations would share one (a closure of an earlier iteration, or a `var`
 * without initializer, would see a later iteration's value). `handler`: the
 * consequent of the error check, which becomes the body of a `catch`.
 */
export function intoIteration(callback: Callback, context: ChainContext, handler: TSESTree.Statement | undefined): TextEdit[] | Refused {
  const returns: TSESTree.ReturnStatement[] = [];
  let inInnerLoop = false;
  let declaresVar = false;
  const visit = (node: TSESTree.Node, loopDepth: number): void => {
    if (node !== callback && isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      returns.push(node);
      if (loopDepth > 0) inInnerLoop = true;
    }
    if (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'var') declaresVar = true;
    const depth = isLoop(node) ? loopDepth + 1 : loopDepth;
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (typeof child === 'object' && child !== null && 'type' in child) visit(child as TSESTree.Node, depth);
      }
    }
  };
  visit(callback.body, 0);
  if (inInnerLoop) return refuse('return-in-inner-loop');
  if (declaresVar) return refuse('var-in-loop');
  return returns.flatMap((statement) => continueEdits(statement, context, statement === handler));
}

/** `alone`: the error handler `if (err) return f(err);`, which lands in a `catch` block of its own. */
function continueEdits(statement: TSESTree.ReturnStatement, context: ChainContext, alone: boolean): TextEdit[] {
  const semi = context.style.semicolon ? ';' : '';
  const argument = statement.argument;
  if (argument === null) return [{ range: statement.range, text: `continue${semi}` }];
  const text = context.sourceCode.text;
  const inList = alone || statement.parent.type === AST_NODE_TYPES.BlockStatement || statement.parent.type === AST_NODE_TYPES.SwitchCase;
  const expression = context.sourceCode.getText(argument);
  const parenthesize = /^(?:\{|function\b|class\b|let\s*\[|async\s+function\b)/.test(expression);
  // Without semicolons, a line starting with `(` or `[` would continue the previous statement.
  const guard = inList && !context.style.semicolon && /^[([`+\-/]/.test(expression) ? ';' : '';
  const open = `${inList ? '' : '{ '}${guard}${parenthesize ? '(' : ''}`;
  const close = parenthesize ? ')' : '';
  // On a line of its own, at the `return`'s indentation (the `if` line's, for `if (err) return f(err);`, which the handler's layout expects).
  const next = inList ? `${semi}\n${indentationAt(text, statement.range[0])}continue${semi}` : `; continue${semi}`;
  return [
    { range: [statement.range[0], argument.range[0]], text: open },
    { range: [argument.range[1], statement.range[1]], text: `${close}${next}${inList ? '' : ' }'}` },
  ];
}
