import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, type FunctionNode } from '../../shared/async-context';
import type { Contract } from '../inference/contracts';
import { continuationOwner, returningOwner } from '../inference/continuation';
import { matchCallbackCall } from '../inference/detect';
import { applyEdits } from '../text/text-edits';
import { refuse, type Refused, type TextEdit } from '../types';
import { createChainContext, type ChainContext } from './chain-context';
import { convertLevel } from './convert-callback';
import { forwardText, isForward } from './forward';
import { isSettledThen } from '../inference/leaves';
import { returnTypeOf } from '../../shared/optional-keys';
import { completionEdits, isCompletionCall, type ContractRewrite } from './completion';
import { indentationAt } from '../text/layout';
import { promiseTypeText } from './promise-type';
import { isPlainFallback, optionalArguments } from '../inference/optional-arguments';

/** What the conversions of one file share: imports planned once, names taken once. */
export interface FileState {
  claimed: Set<string>;
  imports: Map<string, string>;
  importEdits: TextEdit[];
  notes: string[];
}

export function fileState(): FileState {
  return { claimed: new Set(), imports: new Map(), importEdits: [], notes: [] };
}

/**
 * The edits turning a contract function into an `async` function without
 * its callback parameter: each asynchronous step it hands the callback to
 * becomes an `await`, its levels flatten, `cb(null, x)` becomes `return x`
 * and `cb(err)` `throw err`. Its callers are the plan's business.
 */
export function convertContractFunction(
  contract: Contract,
  services: ParserServicesWithTypeInformation | undefined,
  state: FileState,
): TextEdit[] | Refused {
  const fn = contract.fn;
  const sourceCode = contract.file.sourceCode;
  if (fn.generator || fn.async) return refuse('owner-return-type');
  const returnType = returnTypeEdit(fn, contract.callback, sourceCode);
  if (returnType === null) return refuse('owner-return-type');
  const rewrite: ContractRewrite = { callback: contract.callback, nullErrors: new Set(), stepCalls: new Set(contract.stepCalls), stepEdits: [], results: contract.results };
  const made = asyncEdits(fn);
  if ('kind' in made) return made;
  const optional = openingEdits(fn, sourceCode);
  if ('kind' in optional) return optional;
  const edits: TextEdit[] = [...made, ...parameterEdits(fn), ...optional, ...(returnType === undefined ? [] : [returnType])];
  const convert = (owner: FunctionNode): TextEdit[] | Refused => {
    const direct = contract.events.filter((call) => enclosingFunction(call) === owner && !rewrite.stepCalls.has(call) && !isCompletionCall(call, rewrite));
    const steps = contract.stepCalls.filter((call) => enclosingFunction(call) === owner);
    if (direct.length === 0 && steps.length === 0 && owner === fn) return refuse('contract-breach');
    const made: TextEdit[] = [];
    for (const call of direct) {
      const edit = withContext(call, owner, (context) => eventEditSafely(call, owner, context));
      if ('kind' in edit) return edit;
      made.push(edit);
    }
    const completions = withContext(owner, owner, (context) => completionEdits(owner, context, made));
    if ('kind' in completions) return completions;
    return [...made, ...completions];
  };
  const withContext = <T>(at: TSESTree.Node, owner: FunctionNode, run: (context: ChainContext) => T): T => {
    const context = createChainContext(sourceCode, services, at, owner, contract.file.typescript, { contract: rewrite, claimed: state.claimed });
    context.imports = state.imports;
    context.importEdits = state.importEdits;
    const result = run(context);
    // Only the imported names are taken file-wide; the others belong to this function's block.
    for (const reference of context.imports.values()) state.claimed.add(reference.split('.')[0] ?? reference);
    state.imports = context.imports;
    state.importEdits = context.importEdits;
    state.notes.push(...context.notes);
    return result;
  };
  // Step functions first, inner ones before outer ones: the levels holding them write their edits.
  for (const step of [...contract.steps].sort((a, b) => a.range[1] - a.range[0] - (b.range[1] - b.range[0]))) {
    const converted = convert(step);
    if ('kind' in converted) return converted;
    rewrite.stepEdits.push({ range: [step.range[0], step.range[0]], text: 'async ' }, ...converted);
  }
  const own = convert(fn);
  if ('kind' in own) return own;
  edits.push(...own);
  // A step function standing in `fn` itself: its edits are no level's.
  for (const edit of rewrite.stepEdits) if (!edits.some((other) => other !== edit && other.range[0] <= edit.range[0] && other.range[1] >= edit.range[1] && other.range[0] !== other.range[1])) edits.push(edit);
  // Nothing may still reach the parameter that is gone.
  const text = applyEdits(sourceCode.text.slice(0, fn.range[1]), edits).slice(fn.range[0]);
  if (new RegExp(`(?<![\\w$.])${escape(contract.callback.name)}(?![\\w$])`).test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))) return refuse('contract-breach');
  return edits;
}

function eventEditSafely(call: TSESTree.CallExpression, fn: FunctionNode, context: ChainContext): TextEdit | Refused {
  try {
    return eventEdit(call, fn, context);
  } catch {
    // Edits of two levels that meet (a rename inside a flattened level): a limit of the rewrite, not of the code.
    return refuse('unparsable');
  }
}

/** One asynchronous step of the function itself: `api(…, (err, x) => {…})` or `api(…, cb)`. */
function eventEdit(call: TSESTree.CallExpression, fn: FunctionNode, context: ChainContext): TextEdit | Refused {
  const contract = context.contract;
  if (contract === undefined) return refuse('contract-breach');
  // `(x, cb) => api(x, cb)`: the body becomes the promise.
  if (fn.body === call) {
    if (!isForward(call, contract)) return refuse('contract-breach');
    const text = forwardText(call, call, context, [], true);
    return typeof text === 'string' ? { range: call.range, text } : text;
  }
  let statement: TSESTree.Node = call.parent;
  if (statement.type === AST_NODE_TYPES.UnaryExpression && statement.operator === 'void') statement = statement.parent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement && statement.type !== AST_NODE_TYPES.ReturnStatement) return refuse('result-used');
  const isReturn = statement.type === AST_NODE_TYPES.ReturnStatement;
  const owner = statement.type === AST_NODE_TYPES.ReturnStatement ? returningOwner(statement) : continuationOwner(statement);
  if ('kind' in owner) return owner;
  if (owner !== fn) return refuse('code-after');
  if (isSettledThen(call)) {
    const text = settledThenText(statement, call, context);
    return typeof text === 'string' ? { range: statement.range, text } : text;
  }
  if (isForward(call, contract)) {
    const text = forwardText(statement, call, context, []);
    return typeof text === 'string' ? { range: statement.range, text } : text;
  }
  if (call.parent !== statement) return refuse('result-used');
  const match = matchCallbackCall(call, context.sourceCode, context.services);
  if (match === undefined) return refuse('unknown-api');
  const text = convertLevel(statement, match, context, isReturn);
  return typeof text === 'string' ? { range: statement.range, text } : text;
}

/**
 * `p.then((v) => cb(null, v), cb)` → `return p;`; with a result computed from
 * the value, `const v = await p; return f(v);`; with none, `await p;`.
 */
function settledThenText(statement: TSESTree.Node, call: TSESTree.CallExpression, context: ChainContext): string | Refused {
  const contract = context.contract as ContractRewrite;
  // The promise resolves to one value, where this contract's callers destructure an array.
  if (contract.results > 1) return refuse('multiple-results');
  const [onValue, onError] = call.arguments;
  const promise = (call.callee as TSESTree.MemberExpression).object;
  if (onValue === undefined || onError === undefined || !passesError(onError, contract)) return refuse('error-shape');
  if (onValue.type !== AST_NODE_TYPES.ArrowFunctionExpression && onValue.type !== AST_NODE_TYPES.FunctionExpression) return refuse('error-shape');
  const completion = singleCompletion(onValue.body, contract);
  const [value] = onValue.params;
  if (completion === undefined || onValue.params.length > 1 || (value !== undefined && value.type !== AST_NODE_TYPES.Identifier)) return refuse('error-shape');
  const [error, result, ...more] = completion.arguments;
  if (more.length > 0 || error === undefined || !(error.type === AST_NODE_TYPES.Literal && error.value === null)) return refuse('error-shape');
  const text = context.sourceCode.text;
  const semi = context.style.semicolon ? ';' : '';
  const promiseText = text.slice(promise.range[0], promise.range[1]);
  const indent = indentationAt(text, statement.range[0]);
  if (result === undefined) return `await ${promiseText}${semi}${statement.type === AST_NODE_TYPES.ReturnStatement ? `\n${indent}return${semi}` : ''}`;
  if (value !== undefined && result.type === AST_NODE_TYPES.Identifier && result.name === value.name) return `return ${promiseText}${semi}`;
  if (value === undefined || result.type === AST_NODE_TYPES.SpreadElement) return refuse('error-shape');
  return `const ${value.name} = await ${promiseText}${semi}\n${indent}return ${text.slice(result.range[0], result.range[1])}${semi}`;
}

/** `cb`, `(e) => cb(e)`, `function (e) { cb(e); }`. */
function passesError(handler: TSESTree.Node, contract: ContractRewrite): boolean {
  if (handler.type === AST_NODE_TYPES.Identifier) return contract.callback.references.some((reference) => reference.identifier === handler);
  if (handler.type !== AST_NODE_TYPES.ArrowFunctionExpression && handler.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const [error] = handler.params;
  const completion = singleCompletion(handler.body, contract);
  const passed = completion?.arguments[0];
  return handler.params.length === 1 && error?.type === AST_NODE_TYPES.Identifier && completion?.arguments.length === 1 && passed?.type === AST_NODE_TYPES.Identifier && passed.name === error.name;
}

/** The body's one statement (or expression) when it is a callback call. */
function singleCompletion(body: TSESTree.Node, contract: ContractRewrite): TSESTree.CallExpression | undefined {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return isCompletionCall(body, contract) ? body : undefined;
  const [only, ...rest] = body.body;
  if (only === undefined || rest.length > 0) return undefined;
  const expression = only.type === AST_NODE_TYPES.ExpressionStatement ? only.expression : only.type === AST_NODE_TYPES.ReturnStatement ? only.argument : null;
  return isCompletionCall(expression, contract) ? expression : undefined;
}

/**
 * The statements picking the callback out of optional arguments go; a
 * parameter callers may leave out takes its fallback as a default value
 * (`options = {}`), which is what it got when the callback came in its place.
 */
function openingEdits(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit[] | Refused {
  const { statements, shuffled } = optionalArguments(fn);
  const edits: TextEdit[] = [];
  for (const statement of statements) {
    if (sourceCode.getCommentsInside(statement).length > 0) return refuse('callback-shape');
    edits.push({ range: lineRange(sourceCode.text, statement.range), text: '' });
  }
  if (shuffled !== undefined) {
    if (!isPlainFallback(shuffled.fallback)) return refuse('callback-shape');
    edits.push({ range: [shuffled.parameter.range[1], shuffled.parameter.range[1]], text: ` = ${sourceCode.getText(shuffled.fallback)}` });
  }
  return edits;
}

/** A statement's range widened to its whole line(s) (and the blank line after it) when nothing else stands there. */
function lineRange(text: string, range: readonly [number, number]): [number, number] {
  const start = text.lastIndexOf('\n', range[0] - 1) + 1;
  let end = range[1];
  while (text[end] === ';' || text[end] === ' ' || text[end] === '\t') end++;
  if (text.slice(start, range[0]).trim() !== '' || (text[end] !== '\n' && end < text.length)) return [range[0], range[1]];
  end++;
  // A blank line left after the removed opening would start the body.
  const next = text.indexOf('\n', end);
  if (next !== -1 && text.slice(end, next).trim() === '') end = next + 1;
  return [start, end];
}

/**
 * A declared `: void` becomes the promise of the callback's value type
 * (`cb: (err: Error | null, user?: User) => void` → `Promise<User | undefined>`).
 * Null when another return type is declared or the callback's type does not say.
 */
function returnTypeEdit(fn: FunctionNode, callback: TSESLint.Scope.Variable, sourceCode: Readonly<TSESLint.SourceCode>): TextEdit | undefined | null {
  const declared = returnTypeOf(fn)?.typeAnnotation;
  if (declared === undefined) return undefined;
  const parameter = callback.defs[0]?.name;
  if (declared.type !== AST_NODE_TYPES.TSVoidKeyword || parameter === undefined) return null;
  const text = promiseTypeText(parameter, sourceCode);
  return text === undefined ? null : { range: declared.range, text };
}

/** `async` before the function, its method name, or an arrow's parameters. */
function asyncEdits(fn: FunctionNode): TextEdit[] | Refused {
  const parent = fn.parent;
  const isMethod = (parent.type === AST_NODE_TYPES.MethodDefinition || (parent.type === AST_NODE_TYPES.Property && (parent.method || parent.kind !== 'init'))) && parent.value === fn;
  if (isMethod && (parent.computed || parent.kind !== (parent.type === AST_NODE_TYPES.Property ? 'init' : 'method'))) return refuse('owner-kind');
  const at = isMethod ? parent.key.range[0] : fn.range[0];
  return [{ range: [at, at], text: 'async ' }];
}

/** The callback parameter removed, with the comma before it (or the parentheses of a lone arrow parameter). */
function parameterEdits(fn: FunctionNode): TextEdit[] {
  const last = fn.params.at(-1) as TSESTree.Parameter;
  const previous = fn.params.at(-2);
  if (previous !== undefined) return [{ range: [previous.range[1], last.range[1]], text: '' }];
  const parenthesized = fn.type !== AST_NODE_TYPES.ArrowFunctionExpression || fn.range[0] !== last.range[0];
  return [{ range: last.range, text: parenthesized ? '' : '()' }];
}

function escape(name: string): string {
  return name.replace(/[$]/g, '\\$');
}
