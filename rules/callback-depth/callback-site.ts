import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { EVENT_METHODS } from '../knowledge/callback-apis';
import { calleeName } from '../shared/callee-name';
import { isTypeWrapper } from '../shared/promise-detection';

export type InlineFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/** The call an inline function is handed to, and the argument it is handed as. */
export interface CallbackSite {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The argument: the function itself, or `function () {…}.bind(this)` around it. */
  readonly argument: TSESTree.Node;
}

/**
 * Where an inline function is passed as an argument. Old code often writes
 * `fs.readFile(p, function (err) {…}.bind(this))`: the bound function is
 * still the callback of `readFile`.
 */
export function findCallbackSite(fn: InlineFunction): CallbackSite | undefined {
  let argument: TSESTree.Node = outermostTypeWrapper(fn);
  const member = argument.parent;
  if (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === argument &&
    !member.computed &&
    member.property.type === AST_NODE_TYPES.Identifier &&
    member.property.name === 'bind' &&
    member.parent.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  ) {
    argument = outermostTypeWrapper(member.parent);
  }
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  return call.arguments.some((candidate) => candidate === argument) ? { call, argument } : undefined;
}

/** `fn as Handler`, `fn!`, `<Handler>fn`, `fn satisfies Handler` are still the function: the outermost wrapper. */
function outermostTypeWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current.parent)) current = current.parent;
  return current;
}

const MAX_EVENT_NAME_LENGTH = 24;

/** Transpiled code calls `new _promise2.default(…)`: the binding says more than `default`. */
function readableCalleeName(callee: TSESTree.Node): string | undefined {
  const name = calleeName(callee);
  if (name === 'default' && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    return callee.object.name;
  }
  return name;
}

/**
 * How a level reads in the message's chain: `readFile`, `then`,
 * `new Promise`, `on('data')`, `each(…)` for `test.each(table)(…)`.
 */
export function levelLabel(site: CallbackSite): string {
  const { call } = site;
  if (call.type === AST_NODE_TYPES.NewExpression) return `new ${readableCalleeName(call.callee) ?? '…'}`;
  const name = readableCalleeName(call.callee);
  if (name === undefined) {
    const inner = call.callee.type === AST_NODE_TYPES.CallExpression ? calleeName(call.callee.callee) : undefined;
    return inner === undefined ? '…' : `${inner}(…)`;
  }
  const first = call.arguments[0];
  if (
    EVENT_METHODS.has(name) &&
    first?.type === AST_NODE_TYPES.Literal &&
    typeof first.value === 'string' &&
    first.value.length <= MAX_EVENT_NAME_LENGTH
  ) {
    return `${name}('${first.value}')`;
  }
  return name;
}
