import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_TOKEN_TYPES, AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { promiseTypeText } from './promise-type';
import { enclosingFunction, type FunctionNode } from '../../shared/async-context';
import { resolveModuleMember } from '../../shared/module-references';
import { continuationOwner } from '../inference/continuation';
import { keepingComments } from '../text/keeps-comments';
import { refuse, type ConversionResult, type TextEdit } from '../types';
import { returnTypeOf } from '../../shared/optional-keys';

type Statement = TSESTree.Statement;

/**
 * The last step of converting a function with an error-first callback
 * parameter: once its body awaits (the callback calls converted) and every
 * caller in the file awaits `promisify(fn)(…)`, the parameter goes:
 * `cb(null, x)` → `return x`, `cb(err)` → `throw err`, and the callers
 * await `fn(…)` directly. Undefined when the function has no such shape at all.
 */
function convertCallbackFunctionUnchecked(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): ConversionResult | undefined {
  if (!fn.async || fn.generator || fn.params.length === 0) return undefined;
  const callbackParameter = fn.params.at(-1);
  if (callbackParameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = declaredName(fn);
  if (name === undefined) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent), name);
  if (variable === null || variable.defs.length !== 1 || variable.references.every((reference) => reference.init === true)) return undefined;
  const callers: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    const caller = promisifiedCall(reference.identifier as TSESTree.Identifier, sourceCode);
    if (caller === undefined || caller.arguments.length !== fn.params.length - 1) return undefined;
    callers.push(caller);
  }
  const returnTypeEdit = returnTypeOf(fn) === undefined ? undefined : promiseReturnType(fn, callbackParameter, sourceCode);
  if (returnTypeEdit === null) return refuse('owner-return-type');
  const callbackVariable = sourceCode.scopeManager?.acquire(fn, true)?.set.get(callbackParameter.name);
  if (callbackVariable === undefined) return undefined;
  // A path that ends without calling back left the caller waiting forever; as a promise it would resolve.
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement || !alwaysCallsBack(fn.body.body, callbackParameter.name) || hasOtherReturns(fn, callbackParameter.name, sourceCode)) {
    return refuse('error-shape');
  }
  const edits: TextEdit[] = [];
  for (const reference of callbackVariable.references) {
    const edit = resultStatement(reference.identifier as TSESTree.Identifier, fn, sourceCode);
    if (edit === undefined) return refuse('error-shape');
    edits.push(edit);
  }
  edits.push(removeParameter(fn, callbackParameter, sourceCode));
  if (returnTypeEdit !== undefined) edits.push(returnTypeEdit);
  for (const caller of callers) edits.push({ range: caller.callee.range, text: name });
  const unusedImport = promisifyImportLeftUnused(callers, sourceCode);
  if (unusedImport !== undefined) edits.push(unusedImport);
  // Before, an exception thrown after the first await ended the process; now the callers' try/catch sees it.
  const notes = [`an exception thrown inside \`${name}\` now rejects to its callers instead of ending the process`];
  return { kind: 'converted', edits: mergeCatchRethrows(edits, fn, callbackParameter.name, sourceCode), notes, calls: [fn] };
}

function isCallbackCall(node: TSESTree.Node | null | undefined, callbackName: string): boolean {
  const call = node?.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void' ? node.argument : node;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === callbackName;
}

/** Every path through the statements ends by calling back or throwing. */
function alwaysCallsBack(statements: readonly Statement[], callbackName: string): boolean {
  const last = [...statements].reverse().find((statement) => statement.type !== AST_NODE_TYPES.FunctionDeclaration && statement.type !== AST_NODE_TYPES.EmptyStatement);
  if (last === undefined) return false;
  switch (last.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.ExpressionStatement:
      return isCallbackCall(last.expression, callbackName);
    case AST_NODE_TYPES.ReturnStatement:
      return isCallbackCall(last.argument, callbackName);
    case AST_NODE_TYPES.BlockStatement:
      return alwaysCallsBack(last.body, callbackName);
    case AST_NODE_TYPES.IfStatement:
      return last.alternate !== null && alwaysCallsBack([last.consequent], callbackName) && alwaysCallsBack([last.alternate], callbackName);
    case AST_NODE_TYPES.TryStatement:
      return last.finalizer === null && last.handler !== null && alwaysCallsBack(last.block.body, callbackName) && alwaysCallsBack(last.handler.body.body, callbackName);
    default:
      return false;
  }
}

/** A `return` of the function itself that does not call back. */
function hasOtherReturns(fn: FunctionNode, callbackName: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode
    .getTokens(fn.body)
    .filter((token) => token.type === AST_TOKEN_TYPES.Keyword && token.value === 'return')
    .map((token) => sourceCode.getNodeByRangeIndex(token.range[0]))
    .some((node) => node?.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(node) === fn && !isCallbackCall(node.argument, callbackName));
}

/** The `promisify` import the callers were its last users of, to remove with them. */
function promisifyImportLeftUnused(callers: readonly TSESTree.CallExpression[], sourceCode: Readonly<TSESLint.SourceCode>): TextEdit | undefined {
  const first = callers[0]?.callee;
  if (first?.type !== AST_NODE_TYPES.CallExpression || first.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(first), first.callee);
  if (variable === null || variable.defs.length !== 1) return undefined;
  const ours = (node: TSESTree.Node): boolean => callers.some((caller) => node.range[0] >= caller.callee.range[0] && node.range[1] <= caller.callee.range[1]);
  if (!variable.references.every((reference) => reference.init === true || ours(reference.identifier))) return undefined;
  const definition = variable.defs[0]?.node;
  let statement: TSESTree.Node | undefined;
  if (definition?.type === AST_NODE_TYPES.ImportSpecifier && definition.parent.type === AST_NODE_TYPES.ImportDeclaration && definition.parent.specifiers.length === 1) statement = definition.parent;
  if (
    definition?.type === AST_NODE_TYPES.VariableDeclarator &&
    definition.id.type === AST_NODE_TYPES.ObjectPattern &&
    definition.id.properties.length === 1 &&
    definition.parent.declarations.length === 1
  ) {
    statement = definition.parent;
  }
  if (statement === undefined || sourceCode.getCommentsInside(statement).length > 0) return undefined;
  const end = sourceCode.text[statement.range[1]] === '\n' ? statement.range[1] + 1 : statement.range[1];
  return { range: [statement.range[0], end], text: '' };
}

/**
 * `Promise<void>` (what making it async wrote) becomes `Promise<T>`, T read
 * from the callback parameter's type `(err, value?: T) => void`. Null when
 * that cannot be done; undefined when nothing needs to change.
 */
function promiseReturnType(fn: FunctionNode, callbackParameter: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit | undefined | null {
  const annotation = fn.returnType?.typeAnnotation;
  const isPromiseOfVoid =
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'Promise' &&
    annotation.typeArguments?.params.length === 1 &&
    annotation.typeArguments.params[0]?.type === AST_NODE_TYPES.TSVoidKeyword;
  if (!isPromiseOfVoid || annotation === undefined) return null;
  const callbackType = callbackParameter.typeAnnotation?.typeAnnotation;
  if (callbackType?.type !== AST_NODE_TYPES.TSFunctionType) return null;
  if (callbackType.params[1] === undefined) return undefined;
  const text = promiseTypeText(callbackParameter, sourceCode);
  return text === undefined ? null : { range: annotation.range, text };
}

function declaredName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    const parent = fn.parent;
    if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
    return fn.id?.name;
  }
  const declarator = fn.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (declarator.parent.kind !== 'const' || declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
  return declarator.id.name;
}

/** `promisify(fn)(…)` with util's promisify: the call awaiting the function. */
function promisifiedCall(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression | undefined {
  const wrap = identifier.parent;
  if (wrap?.type !== AST_NODE_TYPES.CallExpression || wrap.arguments.length !== 1 || wrap.arguments[0] !== identifier) return undefined;
  const member = resolveModuleMember(wrap.callee, sourceCode);
  if (member === undefined || member.module.replace(/^node:/, '') !== 'util' || member.path.join('.') !== 'promisify') return undefined;
  const call = wrap.parent;
  return call.type === AST_NODE_TYPES.CallExpression && call.callee === wrap ? call : undefined;
}

/**
 * `cb(…)` in terminal position of the function's own body → `return x` or
 * `throw err`, decided by what promisify would do with its first argument.
 */
function resultStatement(identifier: TSESTree.Identifier, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit | undefined {
  const call = identifier.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier || call.arguments.length > 2) return undefined;
  const statement = call.parent;
  let terminal = false;
  if (statement.type === AST_NODE_TYPES.ReturnStatement) terminal = enclosingFunction(statement) === fn && !insideTryBlock(statement, fn);
  else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    const owner = continuationOwner(statement);
    terminal = !('kind' in owner) && owner === fn;
    // A call in a catch block whose try ends the function is terminal too.
    if (!terminal) terminal = endsFunctionFromCatch(statement, fn);
  }
  if (!terminal) return undefined;
  const [error, value] = call.arguments;
  const text = (node: TSESTree.Node): string => sourceCode.getText(node);
  if (error === undefined || isNullish(error)) {
    return { range: statement.range, text: value === undefined ? 'return;' : `return ${text(value)};` };
  }
  if (value !== undefined) return undefined;
  if (error.type === AST_NODE_TYPES.NewExpression || isCatchParameter(error, sourceCode)) return { range: statement.range, text: `throw ${text(error)};` };
  return undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

/** The parameter of a `catch` clause: a rejection of an awaited Node.js API, an Error. */
function isCatchParameter(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  return variable?.defs[0]?.type === DefinitionType.CatchClause;
}

function insideTryBlock(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current != null && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.BlockStatement && current.parent.type === AST_NODE_TYPES.TryStatement && current.parent.block === current) return true;
  }
  return false;
}

/** `catch (err) { cb(err); }` as the last statement of a catch block whose try statement is the function's last. */
function endsFunctionFromCatch(statement: Statement, fn: FunctionNode): boolean {
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement || block.body.at(-1) !== statement) return false;
  const clause = block.parent;
  if (clause?.type !== AST_NODE_TYPES.CatchClause) return false;
  const owner = continuationOwner(clause.parent);
  return !('kind' in owner) && owner === fn;
}

function removeParameter(fn: FunctionNode, parameter: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit {
  const previous = fn.params.at(-2);
  if (previous === undefined) return { range: parameter.range, text: '' };
  const after = sourceCode.getTokenAfter(parameter);
  const end = after !== null && ASTUtils.isCommaToken(after) ? after.range[1] : parameter.range[1];
  return { range: [previous.range[1], end], text: '' };
}

/**
 * `let x; try { x = await f(); } catch (err) { throw err; }` (what the
 * callback step leaves once `cb(err)` became `throw err`) → `const x = await f();`.
 */
function mergeCatchRethrows(edits: TextEdit[], fn: FunctionNode, callbackName: string, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit[] {
  const result = [...edits];
  const visit = (statements: readonly Statement[]): void => {
    statements.forEach((statement, index) => {
      if (statement.type !== AST_NODE_TYPES.TryStatement || statement.finalizer !== null || statement.handler === null) return;
      const handler = statement.handler;
      const parameter = handler.param;
      const [only, ...rest] = handler.body.body;
      if (parameter?.type !== AST_NODE_TYPES.Identifier || rest.length > 0 || only === undefined) return;
      const rethrows = isCallbackCallWith(only, callbackName, parameter.name);
      const [tried, ...more] = statement.block.body;
      if (!rethrows || tried === undefined || more.length > 0 || tried.type !== AST_NODE_TYPES.ExpressionStatement) return;
      const declaration = statements[index - 1];
      const awaited = tried.expression;
      let replacement: string | undefined;
      let start = statement.range[0];
      if (awaited.type === AST_NODE_TYPES.AwaitExpression) replacement = `${sourceCode.getText(awaited)};`;
      else if (awaited.type === AST_NODE_TYPES.AssignmentExpression && awaited.operator === '=' && awaited.right.type === AST_NODE_TYPES.AwaitExpression && declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'let' && declaration.declarations.every((declarator) => declarator.init === null)) {
        const declared = declaration.declarations.map((declarator) => sourceCode.getText(declarator.id)).sort().join(',');
        const target = awaited.left;
        const assigned = target.type === AST_NODE_TYPES.ObjectPattern
          ? target.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? sourceCode.getText(property.value) : '')).sort().join(',')
          : sourceCode.getText(target);
        if (declared !== assigned) return;
        const reassigned = sourceCode.getDeclaredVariables(declaration).some((variable) => variable.references.filter((reference) => reference.isWrite()).length > 1);
        replacement = `${reassigned ? 'let' : 'const'} ${sourceCode.getText(target)} = ${sourceCode.getText(awaited.right)};`;
        start = declaration.range[0];
      }
      if (replacement === undefined || sourceCode.getCommentsInside(statement).length > 0) return;
      const range: [number, number] = [start, statement.range[1]];
      for (let i = result.length - 1; i >= 0; i -= 1) {
        const edit = result[i];
        if (edit !== undefined && edit.range[0] >= range[0] && edit.range[1] <= range[1]) result.splice(i, 1);
      }
      result.push({ range, text: replacement });
    });
  };
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) visit(fn.body.body);
  return result;
}

function isCallbackCallWith(statement: Statement, callbackName: string, errorName: string): boolean {
  const expression = statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
  return (
    expression?.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === callbackName &&
    expression.arguments.length === 1 &&
    expression.arguments[0]?.type === AST_NODE_TYPES.Identifier &&
    expression.arguments[0].name === errorName
  );
}

/** {@link convertCallbackFunctionUnchecked}, refused when a comment would be lost. */
export function convertCallbackFunction(...args: Parameters<typeof convertCallbackFunctionUnchecked>): ReturnType<typeof convertCallbackFunctionUnchecked> {
  const result = convertCallbackFunctionUnchecked(...args);
  return result === undefined ? undefined : keepingComments(args[0], result);
}
