import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { CallbackCall } from '../inference/detect';
import { refuse, type Refused } from '../types';
import { importReference, type ChainContext } from './chain-context';

/**
 * `await promisify(xfs.readFile.bind(xfs))(path)` for a drop-in `fs` value
 * (`graceful-fs`, `options.fs || fs`): the value's own function is awaited,
 * so an injected `fs` keeps working, and `.bind` keeps the `this` its
 * methods may read (a file system object such as memfs's volume).
 */
export function dropInPromiseCallText(match: CallbackCall, argumentText: string, context: ChainContext): string | Refused {
  const promisify = importReference(context, match.call, 'util', 'promisify');
  if (promisify === undefined) return refuse('no-promise-equivalent');
  const callee = match.call.callee;
  const text = context.sourceCode.getText(callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !isPlainPath(callee.object)) return `${promisify}(${text})(${argumentText})`;
  return `${promisify}(${text}.bind(${context.sourceCode.getText(callee.object)}))(${argumentText})`;
}

/** `xfs`, `this.fs`: read twice without a difference. */
function isPlainPath(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && isPlainPath(node.object);
}
