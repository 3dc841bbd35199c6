import { AST_TOKEN_TYPES, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { NodeApi, ResultShape } from '../../knowledge/node-apis';
import { createChainContext, mergeImportEdits, restore, snapshot, type ChainContext } from './chain-context';
import { iterationContinuation } from '../inference/continuation';
import { intoIteration } from './iteration-body';
import { enclosingFunction, isFunctionNode, type FunctionNode } from '../../shared/async-context';
import { matchCallbackCall, type CallbackCall } from '../inference/detect';
import { classifyErrorHandling, type CompletionOf, type ErrorHandling } from './error-handling';
import { splitEdits, type ErrorSplit } from './error-split';
import { completionEdits, completionOf, expressionCompletionEdit, isCompletionCall } from './completion';
import { forwardText, handsOnAsItCame, isForward } from './forward';
import { bracedIfAlone, commentsOutside, hasMultilineToken, indentationAt, indentUnit, ownerIndentUnit, reindent, startsLine } from '../text/layout';
import { makeOwnerAsync } from './owner';
import { otherArgumentsRange, promiseCallText } from './promise-call';
import { renameLandingVariables } from './rename';
import { renderRange } from '../text/text-edits';
import { usesOwnThisOrArguments } from '../inference/this-arguments';
import { keepingComments } from '../text/keeps-comments';
import { declaredResultAnnotation } from '../inference/typed-callee';
import { refuse, type ConversionResult, type Refused, type TextEdit } from '../types';

/** The end of the note of a call whose error the callback ignored: after the conversion it rejects. */
export const UNCHECKED_ERROR_NOTE = ', unchecked before, now rejects';

type Variable = TSESLint.Scope.Variable;
type Callback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * Converts an error-first callback call that is its function's continuation
 * into `await` of the promise equivalent, flattening the pyramid of such
 * calls inside its callback. Undefined when the call is no callback call.
 */
function convertCallbackCallUnchecked(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation | undefined,
  typescript: boolean,
): ConversionResult | undefined {
  const match = matchCallbackCall(call, sourceCode, services);
  if (match === undefined) return undefined;
  const statement = call.parent;
  const isReturn = statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument === call;
  if ((statement.type !== AST_NODE_TYPES.ExpressionStatement && !isReturn) || call.optional) return refuse('result-used');
  const early = checkCallback(match, sourceCode);
  if (early !== undefined) return early;
  const tail = iterationContinuation(statement);
  // `return api(…, cb)` ends its function wherever it stands (a loop's too): nothing of the function runs after it.
  const trailingReturn = isReturn && ('kind' in tail || tail.loop !== undefined);
  const owner = trailingReturn ? returningOwner(statement) : 'kind' in tail ? tail : tail.owner;
  if ('kind' in owner) return owner;
  const loop = trailingReturn || 'kind' in tail ? undefined : tail.loop;
  const ownerEdits = makeOwnerAsync(owner, sourceCode, services);
  if ('kind' in ownerEdits) return ownerEdits;
  const context = createChainContext(sourceCode, services, statement, owner, typescript);
  if (loop !== undefined) context.notes.push(`the loop already awaits, so each iteration now also waits for \`${sourceCode.getText(call.callee)}\``);
  const text = convertLevel(statement, match, context, trailingReturn, loop !== undefined);
  if (typeof text !== 'string') return text;
  return {
    kind: 'converted',
    edits: [{ range: statement.range, text }, ...ownerEdits, ...mergeImportEdits(context.importEdits)],
    notes: context.notes,
    calls: context.calls,
  };
}

/** The refusals that need no context, cheap enough for the rule's first pass. */
function checkCallback(match: CallbackCall, sourceCode: Readonly<TSESLint.SourceCode>, inContract = false): Refused | undefined {
  const callback = match.callbackArgument;
  if (!isCallback(callback) || isNamedAndReferenced(callback, sourceCode)) return refuse('callback-not-inline');
  const api = match.api;
  if (match.refusal !== undefined) return refuse(match.refusal);
  if (api === undefined) return refuse('unknown-api');
  // `fs.exists` is awaited only inside a contract being converted: on its own it stays what the rules call it, no error-first callback.
  if (api.kind === 'plain-callback' && api.callbackFirst !== true && !(inContract && api.promise?.kind === 'resolver')) return refuse('not-error-first');
  if (api.kind !== 'error-first' && api.kind !== 'plain-callback') return refuse('unknown-api');
  if (callback.async || callback.generator) return refuse('callback-shape');
  if (callback.params.some((parameter) => parameter.type !== AST_NODE_TYPES.Identifier)) return refuse('callback-shape');
  if (usesOwnThisOrArguments(callback, sourceCode)) return refuse('this-or-arguments');
  // `promisify(o.m.bind(o))` writes the object twice, and its comments with it.
  const calleeTextChanges = api.promise?.kind === 'module' || match.typed?.kind === 'promisify' && match.typed.bindTo !== undefined;
  if (sourceCode.getCommentsInside(match.call.callee).length > 0 && calleeTextChanges) return refuse('comment-in-callee');
  return undefined;
}

function isCallback(node: TSESTree.Node): node is Callback {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

function isNamedAndReferenced(callback: Callback, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (callback.type !== AST_NODE_TYPES.FunctionExpression || callback.id === null) return false;
  const scope = sourceCode.scopeManager?.acquire(callback);
  return scope?.set.get(callback.id.name)?.references.length !== 0;
}

/** The text replacing `statement`: the awaited call, the error mapping and the callback's body, flattened. */
type CallStatement = TSESTree.ExpressionStatement | TSESTree.ReturnStatement;

function callOf(statement: CallStatement): TSESTree.CallExpression | undefined {
  const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement.argument;
  return expression?.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
}

/** The function a `return` statement leaves; refused inside `try`, whose catch would see the callback's errors. */
function returningOwner(statement: TSESTree.Node): FunctionNode | Refused {
  for (let current = statement.parent; current != null; current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (current.type === AST_NODE_TYPES.TryStatement || current.type === AST_NODE_TYPES.CatchClause) return refuse('in-try');
  }
  return refuse('top-level');
}

/**
 * `inLoop`: the call ends an iteration, so a `return` that ended the
 * callback now ends the iteration (`continue`).
 */
export function convertLevel(statement: CallStatement, given: CallbackCall, context: ChainContext, trailingReturn = false, inLoop = false): string | Refused {
  const contract = context.contract;
  if (contract !== undefined && inLoop) return refuse('code-after');
  // `process.nextTick(() => …)` in a contract: an async function's caller resumes later anyway, so the level just goes on.
  const tick = contract !== undefined && given.api?.module === '' && given.api.name === 'process.nextTick' && given.call.arguments.length === 1;
  const match: CallbackCall = tick && given.api !== undefined ? { ...given, api: { ...given.api, callbackFirst: true } } : given;
  const early = checkCallback(match, context.sourceCode, contract !== undefined);
  if (early !== undefined) return early;
  const callback = match.callbackArgument as Callback;
  const api = match.api as NodeApi;
  const sourceCode = context.sourceCode;
  const errorFirst = api.kind === 'error-first';
  const parameters = callback.params as TSESTree.Identifier[];
  const resultParameters = errorFirst ? parameters.slice(1) : parameters;
  const shape: ResultShape = api.result ?? { kind: errorFirst ? 'single' : 'none' };
  const capacity = shape.kind === 'none' ? 0 : shape.kind === 'single' ? 1 : shape.kind === 'object' ? shape.keys.length : shape.kind === 'array' ? shape.count : -1;
  if (capacity < 0 || resultParameters.length > capacity) return refuse('multiple-results');
  const scope = sourceCode.scopeManager?.acquire(callback, true);
  if (scope === null || scope === undefined) return refuse('callback-shape');
  const variableOf = (parameter: TSESTree.Identifier): Variable | undefined => scope.set.get(parameter.name);
  const errorVariable = errorFirst && parameters[0] !== undefined ? variableOf(parameters[0]) : undefined;
  const resultVariables = resultParameters.map(variableOf).filter((variable): variable is Variable => variable !== undefined);

  const block = callback.body.type === AST_NODE_TYPES.BlockStatement;
  // `(err) => log(err.message)`: the expression body read as the one statement it stands for.
  const bodyStatements = callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body.body : [asStatement(callback.body)];
  // `(err, data) => cb(err, data)`: the outcome handed to the contract's callback whole.
  const expressionCompletion = contract !== undefined && callback.body.type !== AST_NODE_TYPES.BlockStatement && isCompletionCall(callback.body, contract) ? callback.body : undefined;
  const errorReferences = errorVariable?.references ?? [];
  const forwardsWhole = expressionCompletion !== undefined && errorReferences.length > 0 && errorReferences.every((reference) => reference.identifier === expressionCompletion.arguments[0]);
  const completion: CompletionOf = contract === undefined ? () => undefined : (inner) => completionOf(inner, contract);
  const handling: ErrorHandling | Refused = forwardsWhole
    ? { mode: 'propagate', check: undefined, success: [] }
    : !block && errorReferences.length === 0
      ? { mode: errorFirst ? 'unchecked' : 'propagate', check: undefined, success: [] }
      : classifyErrorHandling(bodyStatements, errorFirst, errorVariable, new Set(resultVariables), api.resultsOnError === true && shape.kind === 'object', completion, sourceCode);
  if ('kind' in handling) return handling;
  if (!block && handling.mode !== 'split' && !forwardsWhole && errorReferences.length > 0) return refuse('error-shape');
  // Written twice, the body would need `continue` in one copy and not the other: a loop keeps its callback.
  if (handling.mode === 'split' && inLoop) return refuse('error-shape');
  // Past the error check (or with the error propagating) the error is null: `cb(err, x)` there is `return x`.
  if (contract !== undefined && errorVariable !== undefined && (handling.mode === 'propagate' || handling.mode === 'handler')) contract.nullErrors.add(errorVariable);

  const awaited = tick ? '' : promiseCallText(match, api, context);
  if (typeof awaited !== 'string') return awaited;
  const promiseCall = contract !== undefined && handling.mode === 'unchecked' ? ignoringError(awaited, match, shape, resultParameters, context) : awaited;
  if (typeof promiseCall !== 'string') return promiseCall;
  if (forwardsWhole && shape.kind === 'array' && handsOnAsItCame(callback.params, expressionCompletion, shape.count)) {
    context.calls.push(match.call);
    return `return ${promiseCall}${context.style.semicolon ? ';' : ''}`;
  }

  const continues = inLoop ? intoIteration(callback, context, handling.mode === 'handler' ? handling.check.consequent : undefined) : [];
  if ('kind' in continues) return continues;
  const renamed = renameLandingVariables(scope, errorVariable, statement, context);
  const names = new Map(renamed.names);
  // Step functions of the contract standing in this level were converted first.
  const steps = contract?.stepEdits.filter((edit) => edit.range[0] >= callback.body.range[0] && edit.range[1] <= callback.body.range[1]) ?? [];
  const edits: TextEdit[] = [...renamed.edits, ...continues, ...steps];
  if (contract !== undefined) {
    const completions = expressionCompletion !== undefined
      ? expressionCompletionEdit(expressionCompletion, context, edits)
      : completionEdits(callback, context, edits, handling.mode === 'propagate' ? handling.check : undefined);
    if ('kind' in completions) return completions;
    const made = [completions].flat();
    // A step started as `(function step(i) {…})(0)`: its edits are written inside the completion's text.
    const written = (edit: TextEdit): boolean => steps.includes(edit) && made.some((other) => other.range[0] <= edit.range[0] && other.range[1] >= edit.range[1]);
    edits.splice(0, edits.length, ...edits.filter((edit) => !written(edit)), ...made);
  }
  context.calls.push(match.call);
  if (handling.mode === 'unchecked' && contract === undefined) {
    context.notes.push(`the error of \`${sourceCode.getText(match.call.callee)}\`${UNCHECKED_ERROR_NOTE}`);
  }
  if (handling.mode === 'split' && handling.success.length === 0) {
    context.notes.push(`the callback of \`${sourceCode.getText(match.call.callee)}\` read \`${handling.errorName}\` unchecked, expecting an error: it is the \`catch\` block now (had the call succeeded, it threw a TypeError; now nothing runs)`);
  }
  for (const { statement: inner, early } of continuationStatements(handling, inLoop)) {
    const innerCall = callOf(inner);
    if (contract !== undefined && innerCall !== undefined && isForward(innerCall, contract)) {
      const text = forwardText(inner, innerCall, context, edits);
      if (typeof text !== 'string') return text;
      edits.push({ range: inner.range, text });
      continue;
    }
    const innerMatch = innerCall === undefined ? undefined : matchCallbackCall(innerCall, sourceCode, context.services);
    if (innerMatch === undefined) continue;
    // A name of this level renamed inside the next one: flattening it would write the next level's text without the rename.
    if (edits.some((edit) => !continues.includes(edit) && !steps.includes(edit) && edit.range[0] >= inner.range[0] && edit.range[1] <= inner.range[1])) continue;
    const saved = snapshot(context);
    // An early `return api(…)` ends its text with `return`: the statements after its `if` must not run.
    const text = convertLevel(inner, innerMatch, context, early, inLoop);
    if (typeof text === 'string') {
      // `return api(…, cb)` as the level's last statement: its text replaces the `return` (which became `continue`) too.
      const covered = (edit: TextEdit): boolean => (continues.includes(edit) || steps.includes(edit)) && edit.range[0] >= inner.range[0] && edit.range[1] <= inner.range[1];
      edits.splice(0, edits.length, ...edits.filter((edit) => !covered(edit)), { range: inner.range, text });
    } else restore(context, saved);
  }
  // `let user;` assigned in `try` and read after it: TypeScript rejects it when the result may be `undefined`.
  const annotation = (handling.mode === 'handler' || handling.mode === 'split') && resultParameters.length > 0 && match.typed !== undefined && context.services !== undefined && context.typescript ? declaredResultAnnotation(match.call, context.services) : '';
  if (annotation === undefined) return refuse('result-type');
  return layOut(statement, match, callback, handling, resultParameters, shape, names, promiseCall, edits, context, trailingReturn, inLoop, annotation);
}

/**
 * In a contract, a level whose callback never reads the error went on as if
 * nothing failed (`fs.unlink(p, () => done())`), and so did the contract's
 * caller. Awaited, the error would now reach that caller: it stays ignored,
 * `await unlink(p).catch(() => {})`, and a result is `undefined` after a
 * failure, as the callback's parameter was. Several results would not
 * destructure from `undefined`, and in TypeScript the result's type would
 * widen: those keep the callback.
 */
function ignoringError(promiseCall: string, match: CallbackCall, shape: ResultShape, resultParameters: readonly TSESTree.Identifier[], context: ChainContext): string | Refused {
  if (shape.kind !== 'none' && shape.kind !== 'single') return refuse('error-shape');
  if (match.typed !== undefined || (context.typescript && resultParameters.length > 0)) return refuse('error-shape');
  return `${promiseCall}.catch(() => {})`;
}

/**
 * The callback calls in continuation position of the success path: the next
 * level of the pyramid. That is the last statement, and a `return api(…)`
 * in an `if` before it (`if (exists) return fs.writeFile(…, cb)`): nothing
 * runs after a `return`, and its converted text ends in one (not in a loop,
 * where the `return` is a `continue` that the text would replace).
 */
function continuationStatements(handling: ErrorHandling, inLoop: boolean): { statement: CallStatement; early: boolean }[] {
  const found: { statement: CallStatement; early: boolean }[] = [];
  const visit = (statement: TSESTree.Statement | null | undefined, early: boolean): void => {
    if (statement == null) return;
    const continues = statement.type === AST_NODE_TYPES.ReturnStatement || (statement.type === AST_NODE_TYPES.ExpressionStatement && !early);
    if (continues && callOf(statement) !== undefined) found.push({ statement, early });
    else if (statement.type === AST_NODE_TYPES.BlockStatement) visit(lastMeaningful(statement.body), early);
    else if (statement.type === AST_NODE_TYPES.IfStatement) {
      visit(statement.consequent, early);
      visit(statement.alternate, early);
    }
  };
  const success = handling.success.at(-1) ?? [];
  const last = lastMeaningful(success);
  // In a loop the early `return` became `continue`, which the converted call's text would replace.
  if (!inLoop) for (const statement of success) if (statement !== last && statement.type === AST_NODE_TYPES.IfStatement) visit(statement, true);
  visit(last, false);
  return found;
}

function lastMeaningful(statements: readonly TSESTree.Statement[]): TSESTree.Statement | undefined {
  return [...statements].reverse().find((statement) => statement.type !== AST_NODE_TYPES.EmptyStatement && statement.type !== AST_NODE_TYPES.FunctionDeclaration);
}

function layOut(
  statement: CallStatement,
  match: CallbackCall,
  callback: Callback,
  handling: ErrorHandling,
  resultParameters: readonly TSESTree.Identifier[],
  shape: ResultShape,
  names: ReadonlyMap<string, string>,
  promiseCall: string,
  edits: readonly TextEdit[],
  context: ChainContext,
  trailingReturn: boolean,
  inLoop: boolean,
  annotation = '',
): string {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  const semi = context.style.semicolon ? ';' : '';
  const block = callback.body.type === AST_NODE_TYPES.BlockStatement;
  const indent = indentationAt(text, statement.range[0]);
  const firstInner = callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body.body[0] : undefined;
  // Measured from the function the statement stands in (a callback being flattened, say), not the owner made async.
  const fallbackUnit = ownerIndentUnit(text, enclosingFunction(statement) ?? context.owner, statement.range[0]);
  const innerIndent = firstInner !== undefined && startsLine(text, firstInner.range[0]) ? indentationAt(text, firstInner.range[0]) : indent + fallbackUnit;
  const unit = indentUnit(indent, innerIndent, fallbackUnit);
  const kept: (readonly [number, number])[] = [];

  const used = resultParameters
    .map((parameter, index) => ({ parameter, index, name: names.get(parameter.name) ?? parameter.name }))
    .filter(({ parameter }) =>
      (sourceCode.scopeManager?.acquire(callback, true)?.set.get(parameter.name)?.references ?? []).some(
        // In the handler the results come from the error (see resultsFromError), not from these bindings.
        (reference) => handling.mode !== 'handler' || shape.kind !== 'object' || !within(reference.identifier, handling.check.consequent),
      ),
    );
  const keyOf = (index: number): string => (shape.kind === 'object' ? shape.keys[index] ?? '' : '');
  const pattern =
    shape.kind === 'object'
      ? `{ ${used.map(({ index, name }) => (keyOf(index) === name ? name : `${keyOf(index)}: ${name}`)).join(', ')} }`
      : shape.kind === 'array'
        ? arrayPattern(used)
        : used[0]?.name ?? '';
  const several = shape.kind === 'object' || shape.kind === 'array';
  const reassigned = used.some(({ parameter }) =>
    sourceCode.scopeManager?.acquire(callback, true)?.set.get(parameter.name)?.references.some((reference) => reference.isWrite()),
  );

  const argumentsRange = otherArgumentsRange(match, sourceCode);
  if (argumentsRange !== undefined) kept.push(argumentsRange);
  kept.push(match.call.callee.range);

  const header: string[] = [];
  let successEdits = edits;
  if (handling.mode === 'handler' || handling.mode === 'split') {
    const caught = handling.mode === 'handler' ? handlerOf(handling) : splitHandlerOf(handling);
    const handlerRange = rangeOf(caught.statements);
    const handlerIndent = caught.statements[0] !== undefined && startsLine(text, caught.statements[0].range[0]) ? indentationAt(text, caught.statements[0].range[0]) : indent + unit;
    const errorName = caught.errorName;
    const handlerEdits =
      handling.mode === 'handler' ? resultsFromError(handling.check.consequent, resultParameters, shape, errorName, callback, sourceCode, edits) : splitEdits(handling, 'error', edits, text);
    if (handling.mode === 'split') successEdits = splitEdits(handling, 'success', edits, text);
    let handlerText = handlerRange === undefined ? '' : renderRange(text, handlerRange, handlerEdits);
    if (!block && handlerText !== '') handlerText = /^(?:\{|function\b|class\b|let\s*\[)/.test(handlerText) ? `(${handlerText})${semi}` : `${handlerText}${semi}`;
    if (handlerRange !== undefined) {
      kept.push(handlerRange);
      if (!hasMultilineToken(sourceCode, handlerRange)) handlerText = reindent(handlerText, handlerIndent, indent + unit);
    }
    if (caught.addReturn) handlerText += `${handlerText === '' ? '' : `\n${indent}${unit}`}${inLoop ? 'continue' : 'return'}${semi}`;
    if (pattern !== '') header.push(`let ${several ? used.map(({ name }) => name).join(', ') : `${pattern}${annotation}`}${semi}`);
    const assignment = pattern === '' ? '' : shape.kind === 'object' ? `(${pattern} = ` : `${pattern} = `;
    const close = shape.kind === 'object' && pattern !== '' ? ')' : '';
    header.push('try {');
    header.push(`${unit}${assignment}await ${promiseCall}${close}${semi}`);
    const errorUsed =
      (sourceCode.scopeManager?.acquire(callback, true)?.set.get(errorName)?.references ?? []).some((reference) => reference.identifier.range[0] >= caught.reads[0] && reference.identifier.range[1] <= caught.reads[1]) ||
      handlerEdits.some((edit) => edit.text.includes(`${errorName}.`));
    header.push(`} catch (${errorName}${errorUsed && context.typescript ? ': any' : ''}) {`);
    if (handlerText !== '') header.push(`${unit}${handlerText}`);
    header.push('}');
  } else {
    const keyword = reassigned ? 'let' : 'const';
    if (promiseCall !== '') header.push(`${pattern === '' ? '' : `${keyword} ${pattern} = `}await ${promiseCall}${semi}`);
  }

  const groups: string[] = [];
  for (const group of block ? handling.success : []) {
    const range = widenToComments(sourceCode, group, callback);
    kept.push(range);
    let rendered = renderRange(text, range, successEdits);
    const groupIndent = startsLine(text, range[0]) ? indentationAt(text, range[0]) : innerIndent;
    if (!hasMultilineToken(sourceCode, range)) rendered = reindent(rendered, groupIndent, indent);
    groups.push(rendered);
  }
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement && !(handling.mode === 'split' && handling.success.length === 0)) {
    kept.push(callback.body.range);
    const expression = renderRange(text, callback.body.range, successEdits);
    groups.push(/^(?:\{|function\b|class\b|let\s*\[)/.test(expression) ? `(${expression})${semi}` : `${expression}${semi}`);
  }
  // The `return` of `return api(…, cb)` still ends the function where the code goes on after it.
  const lastSuccess = handling.success.at(-1)?.at(-1);
  const endsItself = lastSuccess?.type === AST_NODE_TYPES.ReturnStatement || lastSuccess?.type === AST_NODE_TYPES.ThrowStatement;
  if (trailingReturn && !endsItself) groups.push(`return${semi}`);
  let successText = groups.join(`\n${indent}`);
  if (!context.style.semicolon && /^[([`+\-/]/.test(successText)) successText = `;${successText}`;

  const orphans = commentsOutside(sourceCode, statement.range, kept).map((comment) => text.slice(comment.range[0], comment.range[1]));
  const lines = [...orphans, ...header];
  const headerText = lines.map((line, index) => (index === 0 ? line : `${indent}${line}`)).join('\n');
  const result = successText === '' ? headerText : `${headerText}\n${indent}${successText}`;
  // A line comment ending the text would swallow whatever follows on that line.
  const endsInLineComment = sourceCode.getAllComments().some((comment) => comment.type === AST_TOKEN_TYPES.Line && kept.some((range) => range[1] === comment.range[1]));
  const braced = bracedIfAlone(statement, result, indent, unit);
  return endsInLineComment && braced === result && !/^[ \t]*(?:\r?\n|$)/.test(text.slice(statement.range[1])) ? `${result}\n${indent}` : braced;
}

/** `[q, r]`, `[q]`, `[, r]`: the results the callback named and used, by position; empty when none is used. */
function arrayPattern(used: readonly { readonly index: number; readonly name: string }[]): string {
  if (used.length === 0) return '';
  const slots = Array.from({ length: Math.max(...used.map(({ index }) => index)) + 1 }, (_, index) => used.find((entry) => entry.index === index)?.name ?? '');
  return `[${slots.join(', ')}]`;
}

/**
 * In the error handler, results come from the rejection error (`stderr` →
 * `err.stderr`) when the knowledge table says the promise API puts them there.
 */
function resultsFromError(
  handler: TSESTree.Node,
  resultParameters: readonly TSESTree.Identifier[],
  shape: ResultShape,
  errorName: string,
  callback: Callback,
  sourceCode: Readonly<TSESLint.SourceCode>,
  edits: readonly TextEdit[],
): TextEdit[] {
  if (shape.kind !== 'object') return [...edits];
  const scope = sourceCode.scopeManager?.acquire(callback, true);
  const replaced: TextEdit[] = [];
  resultParameters.forEach((parameter, index) => {
    const key = shape.keys[index];
    for (const reference of scope?.set.get(parameter.name)?.references ?? []) {
      const identifier = reference.identifier;
      if (key === undefined || identifier.range[0] < handler.range[0] || identifier.range[1] > handler.range[1]) continue;
      const property = identifier.parent?.type === AST_NODE_TYPES.Property && identifier.parent.shorthand;
      replaced.push({ range: identifier.range, text: property ? `${identifier.name}: ${errorName}.${key}` : `${errorName}.${key}` });
    }
  });
  const taken = (edit: TextEdit): boolean => replaced.some((other) => other.range[0] === edit.range[0]);
  return [...edits.filter((edit) => !taken(edit)), ...replaced];
}

/** An arrow's expression body as the statement it stands for (its range is the expression's: no semicolon). */
function asStatement(expression: TSESTree.Expression): TSESTree.ExpressionStatement {
  return { type: AST_NODE_TYPES.ExpressionStatement, expression, directive: undefined, range: expression.range, loc: expression.loc, parent: expression.parent };
}

/** What the `catch` block holds: the statements, the error's name, where the error is read, whether it must stop the function. */
interface Caught {
  readonly statements: readonly TSESTree.Statement[];
  readonly errorName: string;
  readonly reads: readonly [number, number];
  readonly addReturn: boolean;
}

function handlerOf(handling: Extract<ErrorHandling, { mode: 'handler' }>): Caught {
  const errorName = handling.check.test.type === AST_NODE_TYPES.Identifier ? handling.check.test.name : 'err';
  return { statements: handling.handler, errorName, reads: handling.check.consequent.range, addReturn: handling.addReturn };
}

/** The body written with the error side of each `err ? A : B`; it stops the function unless it already ends in `return`/`throw`. */
function splitHandlerOf(split: ErrorSplit): Caught {
  const last = split.body.at(-1);
  const exits = last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
  const reads = rangeOf(split.body) ?? [0, 0];
  return { statements: split.body, errorName: split.errorName, reads, addReturn: split.success.length > 0 && !exits };
}

function within(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

function rangeOf(statements: readonly TSESTree.Statement[]): readonly [number, number] | undefined {
  const first = statements[0];
  const last = statements.at(-1);
  return first === undefined || last === undefined ? undefined : [first.range[0], last.range[1]];
}

/** A group of statements with the comments right before and after it inside the callback body. */
function widenToComments(sourceCode: Readonly<TSESLint.SourceCode>, group: readonly TSESTree.Statement[], callback: Callback): readonly [number, number] {
  const first = group[0] as TSESTree.Statement;
  const last = group.at(-1) as TSESTree.Statement;
  const container = first.parent;
  const index = container !== undefined && 'body' in container && Array.isArray(container.body) ? (container.body as TSESTree.Node[]).indexOf(first) : -1;
  const previous = index > 0 && container !== undefined && 'body' in container && Array.isArray(container.body) ? (container.body as TSESTree.Node[])[index - 1] : undefined;
  const before = sourceCode.getCommentsBefore(first).filter((comment) => previous === undefined || comment.range[0] >= previous.range[1]);
  const after = sourceCode.getCommentsAfter(last).filter((comment) => comment.range[1] <= callback.body.range[1]);
  const isLastOfBody = callback.body.type === AST_NODE_TYPES.BlockStatement && callback.body.body.at(-1) === last;
  const start = before[0]?.range[0] ?? first.range[0];
  const end = isLastOfBody && after.length > 0 ? (after.at(-1)?.range[1] ?? last.range[1]) : last.range[1];
  return [start, end];
}

/** {@link convertCallbackCallUnchecked}, refused when a comment would be lost. */
export function convertCallbackCall(...args: Parameters<typeof convertCallbackCallUnchecked>): ReturnType<typeof convertCallbackCallUnchecked> {
  let result: ConversionResult | undefined;
  try {
    result = convertCallbackCallUnchecked(...args);
  } catch (error) {
    // Edits of two levels that meet: a limit of the rewrite, reported as such rather than failing the lint.
    if (error instanceof Error && error.message.startsWith('overlapping conversion edits')) return refuse('unparsable');
    throw error;
  }
  return result === undefined ? undefined : keepingComments(args[0], result);
}
