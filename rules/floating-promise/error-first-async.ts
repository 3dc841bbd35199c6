import { declaredFunction } from '../shared/declared-function';
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../shared/async-context';
import { functionOfArgument, knownApiOf } from '../shared/error-first-callback';

/**
 * An `async` function passed as an error-first callback: to an error-first
 * API of the knowledge table (`fs.readFile(p, async (err, data) => …)`), or
 * to a same-file function that calls that parameter error first
 * (`cb(null, value)`, `cb(new Error(…))`). Such callers never look at what
 * the callback returns, so its promise and any rejection inside it are lost.
 * Returns the callee as written, or undefined.
 */
export function errorFirstCalleeOf(
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): string | undefined {
  const fn = functionOfArgument(argument, sourceCode);
  if (fn === undefined || !fn.async || fn.generator) return undefined;
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const known = knownApiOf(call, sourceCode, services);
  if (known !== undefined) {
    return known.api.kind === 'error-first' && index === call.arguments.length - 1 ? known.qualifiedName : undefined;
  }
  if (call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const callee = declaredFunction(call.callee, sourceCode);
  return callee !== undefined && callsParameterErrorFirst(callee, index, sourceCode) ? call.callee.name : undefined;
}

/**
 * The parameter at `index` is called somewhere with an error-first shape:
 * `null`/`undefined` first and a result after it, or a `new …Error(…)` first.
 */
function callsParameterErrorFirst(fn: FunctionNode, index: number, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parameter = fn.params[index];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.scopeManager?.acquire(fn, true)?.set.get(parameter.name);
  if (variable === undefined) return false;
  return variable.references.some((reference) => {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return false;
    const [first, second] = call.arguments;
    if (first === undefined) return false;
    const nothing = (first.type === AST_NODE_TYPES.Literal && first.value === null) || (first.type === AST_NODE_TYPES.Identifier && first.name === 'undefined');
    if (nothing) return second !== undefined;
    return first.type === AST_NODE_TYPES.NewExpression && first.callee.type === AST_NODE_TYPES.Identifier && /Error$/.test(first.callee.name);
  });
}
