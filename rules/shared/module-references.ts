import { ScopeType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ModuleMember } from '../knowledge/lookup';
import { fileFacts, type Resolution } from './file-facts';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/** Deep enough for `const a = require('fs'); const b = a.promises; const c = b.readFile;`. */
const MAX_HOPS = 8;

const NOT_A_MODULE = null;

/**
 * Follows an expression back to the module member it denotes, through
 * `import`, `require`, destructuring and constant aliases, using scope
 * analysis: a local function that happens to be named `readFileSync`
 * resolves to nothing.
 */
export function resolveModuleMember(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ModuleMember | undefined {
  // Once per node and file, whichever rule asks first (see file-facts.ts).
  const facts = fileFacts(sourceCode);
  facts.memberLookups++;
  let resolved = facts.members.get(node);
  if (resolved === undefined) {
    resolved = resolveExpression(node, sourceCode, MAX_HOPS);
    facts.members.set(node, resolved);
  }
  return resolved ?? undefined;
}

/** The same resolution computed afresh, without the file's memo (tests compare the two). */
export function resolveModuleMemberUncached(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): ModuleMember | undefined {
  return resolveExpression(node, sourceCode, MAX_HOPS, new Map()) ?? undefined;
}

function resolveExpression(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  hops: number,
  variables: Map<Variable, Resolution> = fileFacts(sourceCode).variables,
): Resolution {
  if (hops <= 0) return NOT_A_MODULE;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(node, sourceCode, hops, variables);
    case AST_NODE_TYPES.MemberExpression: {
      const property = staticPropertyName(node);
      if (property === undefined) return NOT_A_MODULE;
      const object = resolveExpression(node.object, sourceCode, hops - 1, variables);
      return object === NOT_A_MODULE ? NOT_A_MODULE : { module: object.module, path: [...object.path, property] };
    }
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return resolveExpression(node.expression, sourceCode, hops, variables);
    case AST_NODE_TYPES.AwaitExpression:
      // `await import('fs')` gives the module namespace.
      return node.argument.type === AST_NODE_TYPES.ImportExpression
        ? resolveImportExpression(node.argument)
        : NOT_A_MODULE;
    case AST_NODE_TYPES.CallExpression:
      return resolveRequireCall(node, sourceCode);
    default:
      return NOT_A_MODULE;
  }
}

export function staticPropertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  }
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  if (
    node.property.type === AST_NODE_TYPES.TemplateLiteral &&
    node.property.expressions.length === 0 &&
    node.property.quasis[0] !== undefined
  ) {
    return node.property.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

function resolveImportExpression(node: TSESTree.ImportExpression): Resolution {
  return node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string'
    ? { module: node.source.value, path: [] }
    : NOT_A_MODULE;
}

/** `require('fs')` where `require` is the real one (not a local binding). */
function resolveRequireCall(node: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): Resolution {
  if (
    node.callee.type !== AST_NODE_TYPES.Identifier ||
    node.callee.name !== 'require' ||
    node.arguments.length !== 1
  ) {
    return NOT_A_MODULE;
  }
  const [argument] = node.arguments;
  if (argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return NOT_A_MODULE;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), 'require');
  if (variable !== null && variable.defs.length > 0) return NOT_A_MODULE;
  return { module: argument.value, path: [] };
}

function resolveIdentifier(
  node: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
  hops: number,
  variables: Map<Variable, Resolution>,
): Resolution {
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  if (variable === null || variable.defs.length === 0) {
    // An undeclared name is a global: `Atomics.wait`, `fetch`, `process.nextTick`.
    return { module: '', path: [node.name] };
  }
  const cached = variables.get(variable);
  if (cached !== undefined) return cached;
  const resolved = resolveVariable(variable, sourceCode, hops, variables);
  variables.set(variable, resolved);
  return resolved;
}

function resolveVariable(variable: Variable, sourceCode: Readonly<TSESLint.SourceCode>, hops: number, variables: Map<Variable, Resolution>): Resolution {
  if (variable.defs.length !== 1) return NOT_A_MODULE;
  const [definition] = variable.defs;
  if (definition === undefined) return NOT_A_MODULE;
  switch (definition.node.type) {
    case AST_NODE_TYPES.ImportSpecifier: {
      const declaration = definition.node.parent;
      const imported = definition.node.imported;
      const name = imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value);
      return importedFrom(declaration, name === 'default' ? [] : [name]);
    }
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return importedFrom(definition.node.parent, []);
    case AST_NODE_TYPES.TSImportEqualsDeclaration: {
      const reference = definition.node.moduleReference;
      return reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        reference.expression.type === AST_NODE_TYPES.Literal &&
        typeof reference.expression.value === 'string'
        ? { module: reference.expression.value, path: [] }
        : NOT_A_MODULE;
    }
    case AST_NODE_TYPES.VariableDeclarator:
      return resolveDeclarator(variable, definition.node, definition.name, sourceCode, hops, variables);
    default:
      return NOT_A_MODULE;
  }
}

function importedFrom(declaration: TSESTree.Node | undefined, path: string[]): Resolution {
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return NOT_A_MODULE;
  if (declaration.importKind === 'type') return NOT_A_MODULE;
  return { module: declaration.source.value, path };
}

function resolveDeclarator(
  variable: Variable,
  declarator: TSESTree.VariableDeclarator,
  name: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  hops: number,
  variables: Map<Variable, Resolution>,
): Resolution {
  if (declarator.init === null || isReassigned(variable)) return NOT_A_MODULE;
  const base = resolveExpression(declarator.init, sourceCode, hops - 1, variables);
  if (base === NOT_A_MODULE) return NOT_A_MODULE;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return base;
  const path = destructuringPath(declarator.id, name);
  return path === undefined ? NOT_A_MODULE : { module: base.module, path: [...base.path, ...path] };
}

/** The keys leading from the destructured value to `name`: `{ promises: { readFile } }` → promises, readFile. */
function destructuringPath(pattern: TSESTree.Node, name: TSESTree.Node): string[] | undefined {
  if (pattern === name) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return destructuringPath(pattern.left, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key =
      !property.computed && property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string'
          ? property.key.value
          : undefined;
    if (key === undefined) continue;
    const rest = destructuringPath(property.value, name);
    if (rest !== undefined) return [key, ...rest];
  }
  return undefined;
}

function isReassigned(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** Whether `name` is free at `node`: no binding of it in any enclosing scope. */
export function isNameFree(name: string, scope: Scope): boolean {
  for (let current: Scope | null = scope; current !== null; current = current.upper) {
    if (current.set.has(name)) return false;
    // A name used but never declared in the module (a global) is taken as well.
    if (current.type === ScopeType.global && current.through.some((reference) => reference.identifier.name === name)) {
      return false;
    }
  }
  return true;
}
