import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, type FunctionNode } from '../shared/async-context';
import { resolveModuleMember, staticPropertyName } from '../shared/module-references';
import { promiseMethodName, skipTypeWrappers, type PromiseDetector } from '../shared/promise-detection';

/** How many functions and variables deep a promise's origin is followed. */
const MAX_DEPTH = 4;

/**
 * `stopSelenium().then(…)` where `stopSelenium` returns the promise of a
 * deferred that it only resolves: a `.then`/`.finally` chain on a promise of
 * this file that can only resolve, whose callbacks return nothing that may
 * reject. Such a promise:
 *
 * - `new P((resolve) => …)`, `when.promise(function (resolve, reject) …)`
 *   with `reject` never read;
 * - `d.promise` of `const d = Q.defer()` (any `*.defer()`) when `d` is only
 *   used as `d.resolve`/`d.promise`/`d.notify`;
 * - a variable or `this.name` assigned only such promises in this file;
 * - a call of a function of this file (by name, or `this.name`/`self.name`
 *   with `self = this`: every function of this file given that name)
 *   that is not `async` and returns only such promises;
 * - `Promise.allSettled(list).then(() => …)`, `when.settle(list)`,
 *   `Q.allSettled(list)` (`when` and `q` as required or imported) of an
 *   array, directly followed by a callback without parameters: settling
 *   never rejects. `list` is an array literal, or a local variable given
 *   only array literals and `list.concat(…)` of itself (not a value that
 *   may be no array: `Promise.allSettled(undefined)` rejects). A callback
 *   that takes the settled descriptors is left out: reading
 *   `r.value.name` throws for a rejected entry, which rejects the chain.
 *
 * Left out with it: a synchronous throw in the executor or in a `.then`
 * callback, which rejects the chain.
 */
export function createNeverRejectsCheck(sourceCode: Readonly<TSESLint.SourceCode>, detector: PromiseDetector): (call: TSESTree.CallExpression) => boolean {
  let functionsByName: Map<string, FunctionNode[]> | undefined;
  let thisAssignments: Map<string, TSESTree.Expression[]> | undefined;

  function chainNeverRejects(call: TSESTree.CallExpression, depth: number): boolean {
    let node: TSESTree.Node = call;
    let first: TSESTree.Node | undefined;
    while (node.type === AST_NODE_TYPES.CallExpression && promiseMethodName(node) !== undefined) {
      const method = promiseMethodName(node);
      if (method === 'catch') return false;
      const callback = node.arguments[0];
      if (callback !== undefined && !callbackCannotReject(callback, depth)) return false;
      first = callback;
      node = skipTypeWrappers(node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : node.callee);
    }
    // The settled descriptors are not read: `r.value.x` throws for a rejected entry.
    if (node.type === AST_NODE_TYPES.CallExpression && first !== undefined && isFunctionNode(first) && first.params.length === 0 && isSettleAll(node)) return true;
    return neverRejects(node, depth);
  }

  /** A callback whose own `return`s give nothing that may reject (a throw in it is left out). */
  function callbackCannotReject(callback: TSESTree.Node, depth: number): boolean {
    const fn = isFunctionNode(callback) ? callback : detector.localFunction(callback);
    if (fn === undefined || fn.async || fn.generator) return false;
    return ownReturns(fn).every((value) => value === undefined || isPlainValue(value) || neverRejects(value, depth - 1));
  }

  function neverRejects(expression: TSESTree.Node, depth: number): boolean {
    if (depth <= 0) return false;
    const node = skipTypeWrappers(expression);
    switch (node.type) {
      case AST_NODE_TYPES.NewExpression:
        return onlyResolves(node.arguments[0]);
      case AST_NODE_TYPES.CallExpression: {
        if (promiseMethodName(node) !== undefined) return chainNeverRejects(node, depth);
        const name = node.callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(node.callee) : undefined;
        // `when.promise(function (resolve, reject) { … })`, `Q.Promise(…)`.
        if ((name === 'promise' || name === 'Promise') && onlyResolves(node.arguments[0])) return true;
        const callees = calleesOf(node.callee);
        return callees.length > 0 && callees.every((fn) => returnsOnlyResolving(fn, depth - 1));
      }
      case AST_NODE_TYPES.Identifier:
        return valuesOfVariable(node).every((value) => value !== undefined && neverRejects(value, depth - 1)) && valuesOfVariable(node).length > 0;
      case AST_NODE_TYPES.MemberExpression:
        if (node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
          const values = thisAssigned(node.property.name);
          return values.length > 0 && values.every((value) => neverRejects(value, depth - 1));
        }
        return isResolvedOnlyDeferredPromise(node);
      default:
        return false;
    }
  }

  function returnsOnlyResolving(fn: FunctionNode, depth: number): boolean {
    if (fn.async || fn.generator) return false;
    const values = ownReturns(fn);
    return values.length > 0 && values.every((value) => value !== undefined && neverRejects(value, depth));
  }

  /** The function a call reaches in this file: `f()`, `this.f()`, `self.f()` (every function of this file named `f`). */
  function calleesOf(callee: TSESTree.Node): FunctionNode[] {
    const local = detector.localFunction(callee);
    if (local !== undefined) return [local];
    const node = skipTypeWrappers(callee);
    // Only on `this` (or `self = this`): `browser.forceKill()` may be another file's method of that name.
    if (node.type !== AST_NODE_TYPES.MemberExpression || !isThis(node.object)) return [];
    const name = staticPropertyName(node);
    return name === undefined ? [] : (namedFunctions().get(name) ?? []);
  }

  function isThis(node: TSESTree.Node): boolean {
    if (node.type === AST_NODE_TYPES.ThisExpression) return true;
    if (node.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
    const declarator = variable?.defs.length === 1 ? variable.defs[0]?.node : undefined;
    return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init?.type === AST_NODE_TYPES.ThisExpression;
  }

  /** `name: function () {}`, `name() {}`, `X.prototype.name = function () {}` anywhere in the file. */
  function namedFunctions(): Map<string, FunctionNode[]> {
    if (functionsByName !== undefined) return functionsByName;
    const found = new Map<string, FunctionNode[]>();
    const assigned = new Map<string, TSESTree.Expression[]>();
    walk(sourceCode.ast, (node) => {
      let key: string | undefined;
      let value: TSESTree.Node | undefined;
      if ((node.type === AST_NODE_TYPES.Property || node.type === AST_NODE_TYPES.MethodDefinition) && !node.computed && node.key.type === AST_NODE_TYPES.Identifier) {
        key = node.key.name;
        value = node.value;
      } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
        key = staticPropertyName(node.left);
        value = node.right;
        if (node.left.object.type === AST_NODE_TYPES.ThisExpression && key !== undefined) assigned.set(key, [...(assigned.get(key) ?? []), node.right]);
      }
      if (key !== undefined && value !== undefined && isFunctionNode(value)) found.set(key, [...(found.get(key) ?? []), value]);
    });
    functionsByName = found;
    thisAssignments = assigned;
    return found;
  }

  function thisAssigned(name: string): TSESTree.Expression[] {
    if (thisAssignments === undefined) namedFunctions();
    return thisAssignments?.get(name) ?? [];
  }

  /** Every value a local variable is given: its initializer and each assignment; undefined for other writes (`x++`, destructuring). */
  function valuesOfVariable(identifier: TSESTree.Identifier): (TSESTree.Expression | undefined)[] {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (variable === null || variable.defs.length === 0) return [];
    return variable.references
      .filter((reference) => reference.isWrite())
      .map((reference) => {
        const parent = reference.identifier.parent;
        if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === reference.identifier) return parent.init ?? undefined;
        if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier && parent.operator === '=') return parent.right;
        return undefined;
      });
  }

  /** `Promise.allSettled(list)`, `when.settle(list)`, `Q.allSettled(list)` of an array (see above). */
  function isSettleAll(call: TSESTree.CallExpression): boolean {
    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 1) return false;
    const name = staticPropertyName(callee);
    let settles = false;
    if (name === 'allSettled' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Promise') {
      // The global `Promise`, not a local of that name.
      const variable = ASTUtils.findVariable(sourceCode.getScope(callee.object), callee.object);
      settles = variable === null || variable.defs.length === 0;
    } else {
      const member = resolveModuleMember(callee, sourceCode);
      settles =
        member !== undefined &&
        member.path.length === 1 &&
        ((member.module === 'when' && member.path[0] === 'settle') || (member.module === 'q' && member.path[0] === 'allSettled'));
    }
    const list = call.arguments[0];
    return settles && list !== undefined && isArrayValue(list);
  }

  /** An array literal, or a local variable given only array literals and `x.concat(…)` of itself. */
  function isArrayValue(node: TSESTree.Node): boolean {
    const value = skipTypeWrappers(node);
    if (value.type === AST_NODE_TYPES.ArrayExpression) return true;
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const values = valuesOfVariable(value);
    return (
      values.length > 0 &&
      values.every((written) => {
        if (written === undefined) return false;
        const inner = skipTypeWrappers(written);
        if (inner.type === AST_NODE_TYPES.ArrayExpression) return true;
        return (
          inner.type === AST_NODE_TYPES.CallExpression &&
          inner.callee.type === AST_NODE_TYPES.MemberExpression &&
          staticPropertyName(inner.callee) === 'concat' &&
          inner.callee.object.type === AST_NODE_TYPES.Identifier &&
          inner.callee.object.name === value.name
        );
      })
    );
  }

  /** `d.promise` where `const d = X.defer()` and `d` is never rejected nor handed on whole. */
  function isResolvedOnlyDeferredPromise(node: TSESTree.MemberExpression): boolean {
    if (staticPropertyName(node) !== 'promise' || node.object.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(node.object), node.object);
    if (variable === null || variable.defs.length !== 1) return false;
    const declarator = variable.defs[0]?.node;
    const init = declarator?.type === AST_NODE_TYPES.VariableDeclarator ? declarator.init : undefined;
    if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(init.callee) !== 'defer') return false;
    return variable.references.every((reference) => {
      if (reference.init === true) return true;
      const parent = reference.identifier.parent;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
      const property = staticPropertyName(parent);
      return property === 'resolve' || property === 'promise' || property === 'notify';
    });
  }

  return (call) => chainNeverRejects(call, MAX_DEPTH);
}

/** An executor that cannot call `reject`: no second parameter, or one never read. */
function onlyResolves(executor: TSESTree.Node | undefined): boolean {
  if (executor === undefined || !isFunctionNode(executor) || executor.async) return false;
  const reject = executor.params[1];
  if (reject === undefined) return executor.params.length === 1;
  if (reject.type !== AST_NODE_TYPES.Identifier) return false;
  return !containsIdentifier(executor.body, reject.name);
}

function isPlainValue(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/** The values of `fn`'s own `return`s (undefined for a bare `return`); an arrow's expression body is its one value. */
function ownReturns(fn: FunctionNode): (TSESTree.Expression | undefined)[] {
  return fn.body.type === AST_NODE_TYPES.BlockStatement ? ownReturnValues(fn.body) : [fn.body];
}

/** The values of the `return`s under `root` (undefined for a bare `return`), not those of nested functions. */
export function ownReturnValues(root: TSESTree.Node): (TSESTree.Expression | undefined)[] {
  const values: (TSESTree.Expression | undefined)[] = [];
  walk(root, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) values.push(node.argument ?? undefined);
  }, true);
  return values;
}

function containsIdentifier(root: TSESTree.Node, name: string): boolean {
  let found = false;
  walk(root, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name) found = true;
  });
  return found;
}

/** Visits every node under `root` with an explicit stack (no recursion); `ownOnly` skips nested functions. */
function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => void, ownOnly = false): void {
  const pending: TSESTree.Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as TSESTree.Node;
    if (ownOnly && node !== root && isFunctionNode(node)) continue;
    visit(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) pending.push(item);
      } else if (isNode(value)) pending.push(value);
    }
  }
}

export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
