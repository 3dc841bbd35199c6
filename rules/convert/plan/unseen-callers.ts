import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionIndex, FunctionInfo } from '../program/function-index';
import { exportTarget } from '../program/module-exports';
import type { Program } from '../program/program';

type Variable = TSESLint.Scope.Variable;

/**
 * Why a method must keep its callback because code the plan cannot see or
 * change may call it, if it must: a base class (Node's `Transform` calls
 * `_transform(chunk, encoding, callback)`), a subclass of the program
 * overriding it (a call through `this` may reach either), or whatever an
 * object literal is handed to (`new Transform({ transform(c, e, cb) {…} })`).
 */
export function unseenCallersProblem(info: FunctionInfo, program: Program, functions: FunctionIndex): string | undefined {
  if (info.binding.kind !== 'member') return undefined;
  const owner = info.binding.owner;
  if (!('defs' in owner)) return undefined;
  if (info.binding.ownerKind === 'object') return escapeOf(owner, info, functions);
  if (info.binding.ownerKind !== 'class') return undefined;
  const base = baseOf(owner, info.file.sourceCode);
  if (base !== undefined) return `it is a method of \`${owner.name}\`, which ${base}: code there may call it with a callback`;
  const override = overrideOf(owner, info.name, program);
  if (override !== undefined) {
    return `\`${info.name}\` is overridden at ${program.fileOf(override).path}:${override.loc.start.line}: a call through \`this\` may reach either`;
  }
  return undefined;
}

/** What gives the class a base: `extends X`, or the constructor handed to a call (`util.inherits(K, X)`) or its prototype replaced. */
function baseOf(owner: Variable, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const node = owner.defs[0]?.node;
  const declared = node?.type === AST_NODE_TYPES.ClassDeclaration ? node : node?.type === AST_NODE_TYPES.VariableDeclarator && node.init?.type === AST_NODE_TYPES.ClassExpression ? node.init : undefined;
  if (declared?.superClass != null) return `extends \`${sourceCode.getText(declared.superClass)}\``;
  for (const reference of owner.references) {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    const line = identifier.loc.start.line;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier as TSESTree.Identifier)) {
      return `is handed to \`${sourceCode.getText(parent.callee)}\` at line ${line} (\`util.inherits\` and the like set its base)`;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier || parent.computed || parent.property.type !== AST_NODE_TYPES.Identifier || parent.property.name !== 'prototype') continue;
    const use = parent.parent;
    if (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === parent) return `has its prototype replaced at line ${line}`;
    if (use?.type === AST_NODE_TYPES.CallExpression && use.arguments.includes(parent)) return `hands its prototype to \`${sourceCode.getText(use.callee)}\` at line ${line}`;
  }
  return undefined;
}

/** A method of the same name in a class of the program that extends the owner. */
function overrideOf(owner: Variable, name: string, program: Program): TSESTree.Node | undefined {
  for (const file of program.files) {
    for (const fn of file.record.functions) {
      const method = fn.parent;
      if (method.type !== AST_NODE_TYPES.MethodDefinition || method.computed || method.key.type !== AST_NODE_TYPES.Identifier || method.key.name !== name) continue;
      const superClass = method.parent.parent.superClass;
      if (superClass?.type !== AST_NODE_TYPES.Identifier) continue;
      if (ASTUtils.findVariable(file.sourceCode.getScope(superClass), superClass) === owner) return method;
    }
  }
  return undefined;
}

/** A use of the object other than reading its members, handing it to a function of the program, or exporting it. */
function escapeOf(owner: Variable, info: FunctionInfo, functions: FunctionIndex): string | undefined {
  for (const reference of owner.references) {
    if (reference.init === true) continue;
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) continue;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier && exportTarget(parent.left) !== undefined) continue;
    const handedTo = (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(identifier as TSESTree.Identifier) ? parent : undefined;
    if (handedTo !== undefined && functions.resolve(handedTo.callee, info.file) !== undefined) continue;
    const what = handedTo === undefined ? 'used as a value' : `handed to \`${info.file.sourceCode.getText(handedTo.callee)}\``;
    return `it is a method of \`${owner.name}\`, which is ${what} at line ${identifier.loc.start.line}: code there may call it with a callback`;
  }
  return undefined;
}
