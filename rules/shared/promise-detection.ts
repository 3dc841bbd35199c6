import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { PROMISE_METHODS, PROMISE_RETURNING_STATICS, PROMISIFY_FUNCTIONS } from '../knowledge/callback-apis';
import { canonicalMember, lookupApi } from '../knowledge/lookup';
import { isFunctionNode, type FunctionNode } from './async-context';
import { resolveModuleMember, staticPropertyName } from './module-references';

/** How far aliases and nested calls are followed before giving up (as "not known to be a promise"). */
const MAX_DEPTH = 8;
const DefinitionType = TSESLint.Scope.DefinitionType;

/**
 * Tells, without types, whether an expression evaluates to a promise, from
 * what the file itself shows: `new Promise`, `Promise.*`, promise chains,
 * calls of local `async` functions (through scope analysis and constant
 * aliases), `util.promisify` results, and the knowledge table (`fetch`,
 * `fs/promises`, …). Anything it cannot see is "not a promise": callers
 * report only what is known.
 */
export interface PromiseDetector {
  /** The expression's value is a promise. */
  isPromise(node: TSESTree.Node): boolean;
  /** Calling this callee (a function literal, a local function's name, …) gives a promise. */
  callReturnsPromise(callee: TSESTree.Node): boolean;
  /** A function literal whose calls give a promise: `async` (not a generator), or returning one. */
  functionReturnsPromise(fn: FunctionNode): boolean;
  /** The function literal or declaration a callee denotes in this file (`save`, `this.save`, an alias), if any. */
  localFunction(callee: TSESTree.Node): FunctionNode | undefined;
}

const detectors = new WeakMap<TSESTree.Program, PromiseDetector>();

export function getPromiseDetector(sourceCode: Readonly<TSESLint.SourceCode>): PromiseDetector {
  const cached = detectors.get(sourceCode.ast);
  if (cached !== undefined) return cached;
  const detector = createPromiseDetector(sourceCode);
  detectors.set(sourceCode.ast, detector);
  return detector;
}

/** `then`, `catch`, `finally` when a call is one of those methods, else undefined. */
export function promiseMethodName(call: TSESTree.CallExpression): 'then' | 'catch' | 'finally' | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(call.callee);
  return name !== undefined && PROMISE_METHODS.has(name) ? (name as 'then' | 'catch' | 'finally') : undefined;
}

type TypeWrapper = TSESTree.TSAsExpression | TSESTree.TSNonNullExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSTypeAssertion;

/** A TypeScript-only wrapper that does not change the value: `x as T`, `x!`, `<T>x`, `x satisfies T`. */
export function isTypeWrapper(node: TSESTree.Node | undefined): node is TypeWrapper {
  return (
    node?.type === AST_NODE_TYPES.TSAsExpression ||
    node?.type === AST_NODE_TYPES.TSNonNullExpression ||
    node?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node?.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

/** The value inside any type wrappers. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current)) current = current.expression;
  return current;
}

/** A name with no declaration in the file: the global of that name. */
export function isGlobalReference(node: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  return variable === null || variable.defs.length === 0;
}

function createPromiseDetector(sourceCode: Readonly<TSESLint.SourceCode>): PromiseDetector {
  const functionVerdicts = new WeakMap<FunctionNode, boolean>();
  /** Functions being analysed, so that recursion (`function f() { return f(); }`) ends. */
  const inProgress = new Set<FunctionNode>();

  function isPromise(node: TSESTree.Node, depth = MAX_DEPTH): boolean {
    if (depth <= 0) return false;
    const current = skipTypeWrappers(node);
    switch (current.type) {
      case AST_NODE_TYPES.ChainExpression:
        return isPromise(current.expression, depth);
      case AST_NODE_TYPES.NewExpression:
        return isGlobalNamed(current.callee, 'Promise');
      case AST_NODE_TYPES.CallExpression:
        return isPromiseCall(current, depth);
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return callReturnsPromise(current.tag, depth - 1);
      case AST_NODE_TYPES.Identifier:
        return isPromiseConstant(current, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return isPromise(current.consequent, depth - 1) || isPromise(current.alternate, depth - 1);
      case AST_NODE_TYPES.LogicalExpression:
        return isPromise(current.left, depth - 1) || isPromise(current.right, depth - 1);
      case AST_NODE_TYPES.SequenceExpression: {
        const last = current.expressions.at(-1);
        return last !== undefined && isPromise(last, depth - 1);
      }
      default:
        return false;
    }
  }

  function isPromiseCall(call: TSESTree.CallExpression, depth: number): boolean {
    const method = promiseMethodName(call);
    if (method !== undefined && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      // Any thenable's `.then(f)` gives a promise (Promises/A+); `.catch`/`.finally`
      // are ordinary method names elsewhere, so their receiver must be known.
      if (method === 'then' && call.arguments.length > 0) return true;
      return isPromise(call.callee.object, depth - 1);
    }
    return callReturnsPromise(call.callee, depth - 1);
  }

  function callReturnsPromise(calleeNode: TSESTree.Node, depth = MAX_DEPTH): boolean {
    if (depth <= 0) return false;
    const callee = skipTypeWrappers(calleeNode);
    if (isFunctionNode(callee)) return functionReturnsPromise(callee);
    if (callee.type === AST_NODE_TYPES.ChainExpression) return callReturnsPromise(callee.expression, depth);
    if (callee.type === AST_NODE_TYPES.CallExpression) {
      // `util.promisify(fs.readFile)(path)`.
      return isPromisifyCall(callee);
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (isPromiseStatic(callee)) return true;
      if (callee.object.type === AST_NODE_TYPES.ThisExpression) {
        const method = findOwnClassMember(callee);
        if (method !== undefined) return functionReturnsPromise(method);
      }
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const local = resolveLocalFunction(callee, depth);
      if (local === 'promisified') return true;
      if (local !== undefined) return functionReturnsPromise(local);
    }
    if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression) {
      const member = resolveModuleMember(callee, sourceCode);
      return member !== undefined && lookupApi(member)?.kind === 'promise';
    }
    return false;
  }

  function functionReturnsPromise(fn: FunctionNode): boolean {
    if (fn.async) return !fn.generator;
    if (fn.generator) return false;
    const known = functionVerdicts.get(fn);
    if (known !== undefined) return known;
    if (inProgress.has(fn)) return false;
    inProgress.add(fn);
    let verdict: boolean;
    try {
      verdict =
        fn.body.type === AST_NODE_TYPES.BlockStatement
          ? returnedExpressions(fn.body).some((returned) => isPromise(returned, MAX_DEPTH - 2))
          : isPromise(fn.body, MAX_DEPTH - 2);
    } finally {
      inProgress.delete(fn);
    }
    functionVerdicts.set(fn, verdict);
    return verdict;
  }

  /** `const p = fetch(url)` seen from `p`: the constant holds a promise. */
  function isPromiseConstant(identifier: TSESTree.Identifier, depth: number): boolean {
    const declarator = singleDeclarator(identifier);
    return declarator?.init != null && isPromise(declarator.init, depth - 1);
  }

  function singleDeclarator(identifier: TSESTree.Identifier): TSESTree.VariableDeclarator | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (variable === null || variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0];
    if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.id.type !== AST_NODE_TYPES.Identifier) {
      return undefined;
    }
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
    return definition.node;
  }

  /** The function a local name denotes: a declaration, a constant function, or a constant alias of one. */
  function resolveLocalFunction(identifier: TSESTree.Identifier, depth: number): FunctionNode | 'promisified' | undefined {
    if (depth <= 0) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (variable === null || variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0];
    if (definition === undefined) return undefined;
    // A parameter's definition node is its function too: only the function's own name counts.
    if (definition.type === DefinitionType.FunctionName && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
    const declarator = singleDeclarator(identifier);
    const init = declarator?.init == null ? undefined : skipTypeWrappers(declarator.init);
    if (init === undefined) return undefined;
    if (isFunctionNode(init)) return init;
    if (init.type === AST_NODE_TYPES.Identifier) return resolveLocalFunction(init, depth - 1);
    if (init.type === AST_NODE_TYPES.CallExpression && isPromisifyCall(init)) return 'promisified';
    return undefined;
  }

  function isPromisifyCall(call: TSESTree.CallExpression): boolean {
    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const member = resolveModuleMember(callee, sourceCode);
    const canonical = member === undefined ? undefined : canonicalMember(member);
    return canonical !== undefined && PROMISIFY_FUNCTIONS.has(`${canonical.module}.${canonical.name}`);
  }

  function isPromiseStatic(callee: TSESTree.MemberExpression): boolean {
    const name = staticPropertyName(callee);
    return name !== undefined && PROMISE_RETURNING_STATICS.has(name) && isGlobalNamed(callee.object, 'Promise');
  }

  function isGlobalNamed(node: TSESTree.Node, name: string): boolean {
    return node.type === AST_NODE_TYPES.Identifier && node.name === name && isGlobalReference(node, sourceCode);
  }

  function localFunction(calleeNode: TSESTree.Node): FunctionNode | undefined {
    const callee = skipTypeWrappers(calleeNode);
    if (isFunctionNode(callee)) return callee;
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) return findOwnClassMember(callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const local = resolveLocalFunction(callee, MAX_DEPTH);
    return local === 'promisified' ? undefined : local;
  }

  return {
    isPromise: (node) => isPromise(node),
    localFunction,
    callReturnsPromise: (callee) => callReturnsPromise(callee),
    functionReturnsPromise,
  };
}

/** `this.load` inside a class: the class's own method (or function-valued field) `load`, same static-ness. */
function findOwnClassMember(callee: TSESTree.MemberExpression): FunctionNode | undefined {
  const name = memberKeyName(callee.property, callee.computed);
  if (name === undefined) return undefined;
  // `this` is the class instance only in the class's own methods (arrows keep the outer `this`).
  let owner: TSESTree.Node | undefined = callee.parent;
  while (owner != null && !(isFunctionNode(owner) && owner.type !== AST_NODE_TYPES.ArrowFunctionExpression)) {
    if (owner.type === AST_NODE_TYPES.PropertyDefinition) break;
    owner = owner.parent;
  }
  const member = owner?.type === AST_NODE_TYPES.PropertyDefinition ? owner : owner?.parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition && member?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  const classBody = member.parent;
  if (classBody.type !== AST_NODE_TYPES.ClassBody) return undefined;
  const namesake = classBody.body.filter(
    (element): element is TSESTree.MethodDefinition | TSESTree.PropertyDefinition =>
      (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
      element.static === member.static &&
      memberKeyName(element.key, element.computed) === name,
  );
  // Overloads (several declarations) may return a promise or not depending on the arguments: not known.
  const [element] = namesake;
  if (element === undefined || namesake.length !== 1) return undefined;
  if (element.type === AST_NODE_TYPES.MethodDefinition) {
    return element.kind === 'method' && element.value.type === AST_NODE_TYPES.FunctionExpression ? element.value : undefined;
  }
  const value = element.value === null ? undefined : skipTypeWrappers(element.value);
  return value !== undefined && isFunctionNode(value) ? value : undefined;
}

/** `load` for `load` / `'load'`, `#load` for a private name; undefined for a computed key. */
function memberKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
}

/** The arguments of the function's own `return` statements (not those of nested functions). */
function returnedExpressions(body: TSESTree.BlockStatement): TSESTree.Expression[] {
  const found: TSESTree.Expression[] = [];
  const pending: TSESTree.Node[] = [...body.body];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined || isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument !== null) found.push(node.argument);
      continue;
    }
    pending.push(...statementChildren(node));
  }
  return found;
}

/** Child statements in which a `return` of the same function can occur. */
function statementChildren(node: TSESTree.Node): TSESTree.Node[] {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return node.body;
    case AST_NODE_TYPES.IfStatement:
      return node.alternate === null ? [node.consequent] : [node.consequent, node.alternate];
    case AST_NODE_TYPES.TryStatement:
      return [node.block, ...(node.handler === null ? [] : [node.handler.body]), ...(node.finalizer === null ? [] : [node.finalizer])];
    case AST_NODE_TYPES.SwitchStatement:
      return node.cases.flatMap((switchCase) => switchCase.consequent);
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.WithStatement:
      return [node.body];
    default:
      return [];
  }
}
