import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { UNCHECKED_ERROR_NOTE } from './convert/rewrite/convert-callback';
import type { Converted } from './convert/types';
import { enclosingFunction } from './shared/async-context';

/**
 * The conversion makes an ignored error reject in a function it makes async:
 * the callback dropped the error on purpose (a cleanup `unlink`, a cache read
 * that falls back), and nobody awaits the new promise, so the failure becomes
 * an unhandled rejection and the code after it never runs. Behaviour is not
 * kept; in a function that was async already, its callers see the rejection.
 */
export function rejectsIgnoredErrorUnawaited(call: TSESTree.Node, result: Converted): boolean {
  if (!result.notes.some((note) => note.endsWith(UNCHECKED_ERROR_NOTE))) return false;
  const owner = enclosingFunction(call);
  return owner !== undefined && !owner.async;
}

/**
 * TypeScript's CommonJS output for `await import('x')`:
 * `Promise.resolve().then(() => __importStar(require('x')))`. Generated code,
 * whose source already awaits.
 */
export function isCompiledDynamicImport(call: TSESTree.CallExpression): boolean {
  const { callee } = call;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'then') return false;
  if (!isEmptyPromiseResolve(callee.object) || call.arguments.length !== 1) return false;
  const handler = call.arguments[0];
  if (handler?.type !== AST_NODE_TYPES.ArrowFunctionExpression || handler.params.length > 0) return false;
  const body = handler.body;
  if (body.type !== AST_NODE_TYPES.CallExpression) return false;
  if (isRequireCall(body)) return true;
  return body.arguments.length === 1 && body.arguments[0] !== undefined && isRequireCall(body.arguments[0]);
}

function isEmptyPromiseResolve(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.arguments.length === 0 &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'Promise' &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    node.callee.property.name === 'resolve'
  );
}

function isRequireCall(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require' && node.arguments.length === 1;
}
