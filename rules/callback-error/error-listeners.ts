import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** EventEmitter's ways to add a listener. `addEventListener` is left out: a DOM `'error'` event carries an `Event`, often with no error at all. */
const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * `emitter.on('error', listener)`: the emitter as written and the listener
 * argument, or undefined when the call adds no `'error'` listener.
 */
export function errorListenerOf(call: TSESTree.CallExpression | TSESTree.NewExpression): { emitter: TSESTree.Expression; listener: TSESTree.Node } | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 2) return undefined;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type === AST_NODE_TYPES.Super) return undefined;
  const method = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  if (method === undefined || !LISTENER_METHODS.has(method)) return undefined;
  const [event, listener] = call.arguments;
  if (event === undefined || listener === undefined || !isErrorEventName(event)) return undefined;
  return { emitter: callee.object, listener };
}

function isErrorEventName(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return node.value === 'error';
  return node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis[0]?.value.cooked === 'error';
}
