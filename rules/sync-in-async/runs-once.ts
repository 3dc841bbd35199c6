import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../shared/async-context';

/**
 * An async function that provably runs once, when the module is loaded: a
 * program's startup, where a blocking call holds up nothing else.
 *
 * - a module-level async IIFE: `(async () => { … })()`, also with
 *   `.catch(…)`/`.then(…)` or `void` around it;
 * - a module-level async function (declaration or `const main = async () =>`),
 *   not exported, whose every reference is a call in a module-level
 *   statement: `async function main() { … } main().catch(…)`.
 *
 * Left out with it: work the same module started before that call (a server
 * listening already), which the blocking call then does hold up.
 */
export function runsOnceAtLoad(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!fn.async) return false;
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return isModuleLevel(parent);
  const name = moduleLevelName(fn);
  if (name === undefined) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(name), name);
  if (variable === null) return false;
  const uses = variable.references.filter((reference) => reference.identifier !== name && !(reference.init === true));
  return uses.length > 0 && uses.every((reference) => {
    const call = reference.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && isModuleLevel(call);
  });
}

/** The name of a function declared at module level and not exported: `async function main`, `const main = async () =>`. */
function moduleLevelName(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.parent.type === AST_NODE_TYPES.Program ? (fn.id ?? undefined) : undefined;
  const declarator = fn.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== fn || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return declarator.parent.type === AST_NODE_TYPES.VariableDeclaration && declarator.parent.parent.type === AST_NODE_TYPES.Program ? declarator.id : undefined;
}

/** `main()`, `main().catch(…)`, `void main()`, `await main()` as a statement of the module itself, outside any function. */
function isModuleLevel(call: TSESTree.Node): boolean {
  for (let node: TSESTree.Node | undefined = call.parent; node != null; node = node.parent) {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.Program) return true;
    if (node.type === AST_NODE_TYPES.ExpressionStatement) return node.parent.type === AST_NODE_TYPES.Program;
  }
  return false;
}
