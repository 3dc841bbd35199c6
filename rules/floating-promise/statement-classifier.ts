import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../shared/async-context';
import { promiseMethodName, skipTypeWrappers } from '../shared/promise-detection';
import { dualResultOf, isCallableArgument } from '../shared/promise-types';
import { receiverOf, type PromiseJudge } from './promise-judge';

export type Finding = 'floating' | 'unhandledChain' | 'floatingIife' | 'floatingVoid' | 'floatingArray';

/** How deep `?:`, `&&`, `,` and `.finally` nesting is followed inside one statement. */
const MAX_NESTING = 64;

/**
 * Why the value of an expression, evaluated as a statement, is a floating
 * promise; undefined when it is not.
 */
export function createStatementClassifier(
  judge: PromiseJudge,
  isAllowed: (node: TSESTree.Node) => boolean,
  options: { ignoreVoid: boolean; ignoreIIFE: boolean },
): (node: TSESTree.Node) => Finding | undefined {
  const { services, detector } = judge;

  function classify(node: TSESTree.Node, depth = MAX_NESTING): Finding | undefined {
    // A generated `a || b || …` of thousands of terms must not exhaust the stack.
    if (depth <= 0) return undefined;
    const expression = skipTypeWrappers(node);
    switch (expression.type) {
      case AST_NODE_TYPES.UnaryExpression:
        if (expression.operator !== 'void' || options.ignoreVoid) return undefined;
        return classify(expression.argument, depth - 1) === undefined ? undefined : 'floatingVoid';
      case AST_NODE_TYPES.ConditionalExpression:
        return orFloating(depth, expression.consequent, expression.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return orFloating(depth, expression.left, expression.right);
      case AST_NODE_TYPES.SequenceExpression: {
        const last = expression.expressions.at(-1);
        return last === undefined ? undefined : classify(last, depth - 1);
      }
      case AST_NODE_TYPES.ChainExpression:
        return classify(expression.expression, depth - 1);
      case AST_NODE_TYPES.CallExpression:
        return classifyCall(expression, depth);
      case AST_NODE_TYPES.ArrayExpression:
        return judge.isPromiseArray(expression) ? 'floatingArray' : undefined;
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression:
        if (isAllowed(expression)) return undefined;
        if (judge.isPromiseValue(expression)) return 'floating';
        return expression.type !== AST_NODE_TYPES.NewExpression && expression.type !== AST_NODE_TYPES.TaggedTemplateExpression && services !== undefined && judge.isPromiseArray(expression)
          ? 'floatingArray'
          : undefined;
      default:
        return undefined;
    }
  }

  function orFloating(depth: number, ...branches: TSESTree.Node[]): Finding | undefined {
    return branches.some((branch) => classify(branch, depth - 1) !== undefined) ? 'floating' : undefined;
  }

  function classifyCall(call: TSESTree.CallExpression, depth: number): Finding | undefined {
    const method = promiseMethodName(call);
    if (method === 'catch' && hasRejectionHandler(call, 0)) return undefined;
    if (method === 'then' && hasRejectionHandler(call, 1)) return undefined;
    if (method === 'finally') {
      // `.finally(f)` passes a rejection through: it floats exactly when its receiver does.
      const receiver = classify(receiverOf(call), depth - 1);
      return receiver === undefined ? undefined : 'unhandledChain';
    }
    if (isAllowed(call)) return undefined;
    const callee = skipTypeWrappers(call.callee);
    if (isFunctionNode(callee)) {
      if (!judge.returnsPromise(callee) || judge.catchesOwnErrors(callee)) return undefined;
      return callee.async && options.ignoreIIFE ? undefined : callee.async ? 'floatingIife' : 'floating';
    }
    if (!judge.isPromiseValue(call)) return method === undefined && judge.isPromiseArray(call) ? 'floatingArray' : undefined;
    if (method === undefined && (isCallbackFormOfDualApi(call) || judge.catchesOwnErrors(call.callee))) return undefined;
    if (method === undefined) return 'floating';
    // `stopSelenium().then(done)` where stopSelenium's deferred is only resolved.
    return judge.chainNeverRejects(call) ? undefined : 'unhandledChain';
  }

  /**
   * `isexe(path, (err, is) => …)`, `query(sql, callback)`: a function that
   * returns a promise only when no callback is passed, called with one. With
   * types: the call's resolved return type is `Promise<T> | void`. Without:
   * a local function that is not `async` (so returns a promise only on some
   * paths) called with a function as its last argument.
   */
  function isCallbackFormOfDualApi(call: TSESTree.CallExpression): boolean {
    const last = call.arguments.at(-1);
    if (last === undefined || last.type === AST_NODE_TYPES.SpreadElement) return false;
    if (services !== undefined) {
      const dual = dualResultOf(call, services);
      if (dual !== 'unknown') return dual === 'dual' && isCallableArgument(last, services);
    }
    const passesFunction = isFunctionNode(last) || (last.type === AST_NODE_TYPES.Identifier && detector.localFunction(last) !== undefined);
    const local = passesFunction ? detector.localFunction(call.callee) : undefined;
    return local !== undefined && !local.async;
  }

  return (node) => classify(node);
}

/** `.then(a, h)` / `.catch(h)`: a rejection handler at `index` that is a value, not `undefined`/`null`. */
function hasRejectionHandler(call: TSESTree.CallExpression, index: number): boolean {
  const handler = call.arguments[index];
  if (handler === undefined || handler.type === AST_NODE_TYPES.SpreadElement) return false;
  if (handler.type === AST_NODE_TYPES.Literal && handler.value === null) return false;
  return !(handler.type === AST_NODE_TYPES.Identifier && handler.name === 'undefined');
}
