import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * What the code does with one mention of the error:
 * - `test`: looks at it in a condition (`if (err)`, `err ? a : b`, `err && …`, `err.code === …`);
 * - `exit`: throws or returns it;
 * - `pass`: hands it to a function (`cb(err)`, `reject(err)`, `console.error(err)`, `assert.ifError(err)`);
 * - `store`: keeps it for later (`this.error = err`, `const e = err`);
 * - `ignored`: mentions it without doing anything (`err;`, `err = null`).
 */
export type ErrorUse = 'test' | 'exit' | 'pass' | 'store' | 'ignored';

const COMPARISONS = new Set(['==', '!=', '===', '!==', 'instanceof', 'in', '<', '>', '<=', '>=']);

/** Wrappers that leave the value as it is, or build a bigger value around it that carries it on. */
function isCarrier(parent: TSESTree.Node, node: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return true;
    case AST_NODE_TYPES.Property:
      return parent.value === node;
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
      // `err.toString()`: the method call carries the error on.
      return parent.callee === node;
    case AST_NODE_TYPES.BinaryExpression:
      return !COMPARISONS.has(parent.operator);
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'typeof';
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === node;
    default:
      return false;
  }
}

export function classifyErrorUse(reference: TSESTree.Node): ErrorUse {
  let node: TSESTree.Node = reference;
  let readsProperty = false;
  for (let parent = node.parent; parent != null; node = parent, parent = parent.parent) {
    if (isCarrier(parent, node)) {
      readsProperty ||= parent.type === AST_NODE_TYPES.MemberExpression;
      continue;
    }
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.SwitchCase:
        return 'test';
      case AST_NODE_TYPES.UnaryExpression:
        // `void err` says "ignored on purpose" as plainly as a comment would.
        return parent.operator === '!' || parent.operator === 'void' ? 'test' : 'pass';
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return 'exit';
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.JSXExpressionContainer:
        return 'pass';
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === node ? 'store' : 'ignored';
      case AST_NODE_TYPES.VariableDeclarator:
      case AST_NODE_TYPES.AssignmentPattern:
      case AST_NODE_TYPES.PropertyDefinition:
        return 'store';
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.SequenceExpression:
        // `err.should.be.an.Error;` asserts through getters: reading a property looks at the error.
        return readsProperty ? 'pass' : 'ignored';
      default:
        // Anything unusual counts as looking at it: better a missed report than a false one.
        return 'pass';
    }
  }
  return 'ignored';
}

/**
 * A mention of a result that goes wrong when the result is missing:
 * `data.toString()`, `use(data)`, `for (const x of list)`, `const { a } = data`.
 * Tests such as `if (!data)` and optional chains `data?.length` are safe.
 */
export function isUnsafeResultUse(reference: TSESTree.Node): boolean {
  let node: TSESTree.Node = reference;
  let parent = node.parent;
  while (
    parent != null &&
    (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression)
  ) {
    node = parent;
    parent = parent.parent;
  }
  if (parent == null) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node && !parent.optional;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node ? !parent.optional : true;
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.SpreadElement:
      return true;
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return parent.right === node;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node && parent.id.type !== AST_NODE_TYPES.Identifier;
    default:
      return false;
  }
}

/**
 * Which branch of `if (test)` (or side of `test && …`) runs when the error is set, judged from how the
 * mention `reference` sits in the test: `if (err)`, `if (err != null)`,
 * `if (err && err.code !== 'ENOENT')` → consequent; `if (!err)`, `if (err == null)` → alternate.
 * Undefined when the test says something else (`if (isFatal(err))`).
 */
export function errorBranchOf(test: TSESTree.Node, reference: TSESTree.Node): 'consequent' | 'alternate' | undefined {
  let positive = true;
  let node: TSESTree.Node = reference;
  let throughMember = false;
  for (let parent = node.parent; node !== test; node = parent, parent = parent.parent) {
    if (parent == null) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
        break;
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== node) return undefined;
        throughMember = true;
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (parent.operator !== '!') return undefined;
        positive = !positive;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        // `!err || x` runs its consequent without an error too: no clear error branch.
        if (parent.operator === '??' || (parent.operator === '||' && !positive)) return undefined;
        break;
      case AST_NODE_TYPES.BinaryExpression: {
        const other = parent.left === node ? parent.right : parent.left;
        if (isNullish(other) && !throughMember) {
          if (parent.operator === '==' || parent.operator === '===') positive = !positive;
          else if (parent.operator !== '!=' && parent.operator !== '!==') return undefined;
        } else if (parent.operator !== 'instanceof' && !throughMember) {
          return undefined;
        }
        // `err.code === 'ENOENT'` can only be true when there is an error.
        break;
      }
      default:
        return undefined;
    }
  }
  return positive ? 'consequent' : 'alternate';
}

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/** Whether control never gets past `statement` (return, throw, `process.exit()`). */
export function alwaysExits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(alwaysExits);
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    case AST_NODE_TYPES.TryStatement:
      return (
        (statement.finalizer !== null && alwaysExits(statement.finalizer)) ||
        (alwaysExits(statement.block) && (statement.handler === null || alwaysExits(statement.handler.body)))
      );
    case AST_NODE_TYPES.ExpressionStatement:
      return isProcessExit(statement.expression);
    default:
      return false;
  }
}

/**
 * Whether some path through `statement` returns or throws (`if (code === 'EOF') … else return cb(err)`):
 * the author decided which errors go on.
 */
export function mayExit(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(mayExit);
    case AST_NODE_TYPES.IfStatement:
      return mayExit(statement.consequent) || (statement.alternate !== null && mayExit(statement.alternate));
    case AST_NODE_TYPES.TryStatement:
      return mayExit(statement.block) || (statement.handler !== null && mayExit(statement.handler.body)) || (statement.finalizer !== null && mayExit(statement.finalizer));
    case AST_NODE_TYPES.SwitchStatement:
      return statement.cases.some((switchCase) => switchCase.consequent.some(mayExit));
    case AST_NODE_TYPES.LabeledStatement:
      return mayExit(statement.body);
    default:
      return alwaysExits(statement);
  }
}

export function isProcessExit(expression: TSESTree.Expression): boolean {
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    expression.callee.object.type === AST_NODE_TYPES.Identifier &&
    expression.callee.object.name === 'process' &&
    expression.callee.property.type === AST_NODE_TYPES.Identifier &&
    expression.callee.property.name === 'exit'
  );
}

const LOOPS = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** The statements that run after `statement` finishes, up to the end of `body`; stops at a loop. */
export function statementsAfter(statement: TSESTree.Statement, body: TSESTree.Node): { statements: TSESTree.Statement[]; inLoop: boolean } {
  const statements: TSESTree.Statement[] = [];
  let collecting = true;
  let inLoop = false;
  for (let node: TSESTree.Node = statement; node !== body; ) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent == null) break;
    if (LOOPS.has(parent.type)) {
      inLoop = true;
      collecting = false;
    }
    if (collecting && (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.SwitchCase)) {
      const siblings: TSESTree.Statement[] = parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.consequent;
      const following = siblings.slice(siblings.indexOf(node as TSESTree.Statement) + 1);
      statements.push(...following);
      // Code after a block that ends in `return` is not reached from inside it.
      if (following.some(alwaysExits)) collecting = false;
    }
    node = parent;
  }
  return { statements, inLoop };
}
