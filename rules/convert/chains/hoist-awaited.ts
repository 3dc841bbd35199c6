import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, type FunctionNode } from '../../shared/async-context';
import { freshName, type ChainContext } from '../rewrite/chain-context';
import { indentationAt, startsLine } from '../text/layout';
import type { TextEdit } from '../types';

/**
 * `return res(await p.then(…))`: the awaited chain is the first thing its
 * statement evaluates (only reads of bindings nobody writes come before it),
 * so it may be awaited in a statement of its own just before:
 * `const result = await p.then(…); return res(result);`, where it then
 * converts as any chain awaited in place. Undefined when something evaluated
 * before the chain could see the difference (a call, a property read, a
 * branch that may skip it).
 */
export function hoistAwaitedChain(call: TSESTree.CallExpression, owner: FunctionNode, context: ChainContext): TextEdit[] | undefined {
  const awaited = call.parent;
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const sourceCode = context.sourceCode;
  let node: TSESTree.Node = awaited;
  let statement: TSESTree.Statement | undefined;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent === undefined) return undefined;
    const step = firstEvaluated(node, parent, owner, sourceCode);
    if (step === 'statement') {
      statement = parent as TSESTree.Statement;
      break;
    }
    if (!step) return undefined;
    node = parent;
  }
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.SwitchCase) return undefined;
  const text = sourceCode.text;
  if (!startsLine(text, statement.range[0])) return undefined;
  const name = context.allNames.has('result') || context.claimed.has('result') ? freshName(context, 'result') : 'result';
  context.claimed.add(name);
  const semi = context.style.semicolon ? ';' : '';
  const indent = indentationAt(text, statement.range[0]);
  return [
    { range: [statement.range[0], statement.range[0]], text: `const ${name} = await ${text.slice(call.range[0], call.range[1])}${semi}\n${indent}` },
    { range: awaited.range, text: name },
  ];
}

/**
 * Whether `node` is evaluated first (and always) when `parent` is:
 * `'statement'` when `parent` is the statement to hoist before.
 */
function firstEvaluated(node: TSESTree.Node, parent: TSESTree.Node, owner: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean | 'statement' {
  const stable = (nodes: readonly (TSESTree.Node | null)[]): boolean => nodes.every((item) => item !== null && isStable(item, owner, sourceCode));
  switch (parent.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ExpressionStatement:
      return 'statement';
    case AST_NODE_TYPES.IfStatement:
      return parent.test === node ? 'statement' : false;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node && parent.parent.declarations[0] === parent && parent.parent.kind !== 'using' && parent.parent.kind !== 'await using' ? true : false;
    case AST_NODE_TYPES.VariableDeclaration:
      return 'statement';
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.optional) return false;
      if (parent.callee === node) return true;
      const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
      return index >= 0 && stable([parent.callee, ...parent.arguments.slice(0, index)]);
    }
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node && !parent.optional;
    case AST_NODE_TYPES.ArrayExpression: {
      const index = parent.elements.indexOf(node as TSESTree.Expression);
      return index >= 0 && stable(parent.elements.slice(0, index));
    }
    case AST_NODE_TYPES.Property: {
      const object = parent.parent;
      if (parent.value !== node || parent.computed || object.type !== AST_NODE_TYPES.ObjectExpression) return false;
      const index = object.properties.indexOf(parent);
      return object.properties.slice(0, index).every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.kind === 'init' && isStable(property.value, owner, sourceCode));
    }
    case AST_NODE_TYPES.ObjectExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.left === node || stable([parent.left]);
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === node;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.TemplateLiteral: {
      const index = parent.expressions.indexOf(node as TSESTree.Expression);
      return index >= 0 && stable(parent.expressions.slice(0, index));
    }
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator !== 'delete';
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return true;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.Identifier;
    default:
      return false;
  }
}

/**
 * Evaluating it earlier or later gives the same value and does nothing: a
 * literal, or a name whose binding is written only where it is declared and
 * is initialised before the owner's code runs (a function declaration, an
 * import, a parameter, or a variable declared earlier in the owner itself).
 */
function isStable(node: TSESTree.Node, owner: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return true;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  if (variable === null || variable.defs.length !== 1) return false;
  if (variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return false;
  const definition = variable.defs[0];
  if (definition === undefined) return false;
  if (definition.type === DefinitionType.FunctionName || definition.type === DefinitionType.ImportBinding || definition.type === DefinitionType.Parameter) return true;
  if (definition.type !== DefinitionType.Variable) return false;
  // Declared before, in the owner (not in a function nested in it): already initialised when the chain runs.
  return definition.node.range[1] <= node.range[0] && enclosingFunction(definition.node) === owner;
}
