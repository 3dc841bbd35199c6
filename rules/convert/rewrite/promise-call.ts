import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import type { NodeApi } from '../../knowledge/node-apis';
import { importReference, type ChainContext } from './chain-context';
import type { CallbackCall } from '../inference/detect';
import { isRereadable, type TypedPromiseForm } from '../inference/typed-callee';
import { refuse, type Refused } from '../types';
import { isDropInFsApi } from '../../knowledge/drop-in-fs';
import { dropInPromiseCallText } from './drop-in-call';
import { runsOnNode } from '../inference/node-file';

/** The promise expression to await in place of the callback call, from the knowledge table. */
export function promiseCallText(match: CallbackCall, api: NodeApi, context: ChainContext): string | Refused {
  const promise = api.promise;
  if (promise === undefined) return refuse(api.result?.kind === 'multiple' ? 'multiple-results' : 'no-promise-equivalent');
  const args = match.otherArguments;
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return refuse('spread-arguments');
  if (api.maxArguments !== undefined && args.length > api.maxArguments) return refuse('no-promise-equivalent');
  if (api.resultOptionKeys !== undefined && args.slice(1).some((argument) => mayCarryOption(argument, api.resultOptionKeys ?? []))) {
    return refuse('result-option');
  }
  const sourceCode = context.sourceCode;
  if (match.typed !== undefined) return typedPromiseCallText(match, match.typed, context);
  const argumentText = args.length === 0 ? '' : otherArgumentsText(match, context);
  // A contract function of the program converted in the same plan returns the promise itself.
  if (promise.kind === 'direct') return `${sourceCode.getText(match.call.callee)}(${argumentText})`;
  if (promise.kind === 'resolver') {
    // The callee and arguments would see the arrow's `resolve` in place of their own.
    if (/\bresolve\b/.test(`${sourceCode.getText(match.call.callee)} ${argumentText}`)) return refuse('no-promise-equivalent');
    const typeArgument = context.typescript ? `<${promise.valueType}>` : '';
    return `new Promise${typeArgument}((resolve) => ${sourceCode.getText(match.call.callee)}(${argumentText === '' ? '' : `${argumentText}, `}resolve))`;
  }
  // Browser code uses the global timers too; only Node.js code may import node:timers/promises or node:util.
  const needsNodeImport = api.module === '';
  if (needsNodeImport && !importsNodeModules(sourceCode)) {
    // In a contract function a delay needs no Node.js import: the global timer, wrapped (level one keeps the callback there).
    if (context.contract !== undefined && api.name === 'setTimeout' && api.callbackFirst === true && !/\bresolve\b/.test(argumentText)) {
      return `new Promise((resolve) => setTimeout(resolve${argumentText === '' ? '' : `, ${argumentText}`}))`;
    }
    return refuse('not-node');
  }
  if (promise.kind === 'module') {
    const reference = importReference(context, match.call, promise.module, promise.name);
    return reference === undefined ? refuse('no-promise-equivalent') : `${reference}(${argumentText})`;
  }
  if (isDropInFsApi(api)) return dropInPromiseCallText(match, argumentText, context);
  const promisify = importReference(context, match.call, 'util', 'promisify');
  if (promisify === undefined) return refuse('no-promise-equivalent');
  const callee = match.call.callee;
  // A method of the program (`this.find(…)`) keeps its `this`: the object is written twice, so it must be a plain path.
  if (api.module === '' && callee.type === AST_NODE_TYPES.MemberExpression) {
    if (!isRereadable(callee.object)) return refuse('no-promise-equivalent');
    const object = sourceCode.getText(callee.object);
    return `${promisify}(${sourceCode.getText(callee)}.bind(${object}))(${argumentText})`;
  }
  return `${promisify}(${sourceCode.getText(callee)})(${argumentText})`;
}


/**
 * The promise expression for a callee known by its declared type only
 * (see `typed-callee.ts`); the note says what the conversion trusts.
 */
function typedPromiseCallText(match: CallbackCall, form: TypedPromiseForm, context: ChainContext): string | Refused {
  const sourceCode = context.sourceCode;
  const calleeText = sourceCode.getText(match.call.callee);
  const argumentText = match.otherArguments.length === 0 ? '' : otherArgumentsText(match, context);
  const note = `relies on the declared type of \`${calleeText.replace(/\s+/g, '')}\`: it calls back once, error first`;
  if (!context.notes.includes(note)) context.notes.push(note);
  if (form.kind === 'promise-overload') return `${calleeText}(${argumentText})`;
  if (!importsNodeModules(sourceCode) && !hasNodeTypes(context)) return refuse('not-node');
  const promisify = importReference(context, match.call, 'util', 'promisify');
  if (promisify === undefined) return refuse('no-promise-equivalent');
  if (form.bindTo === undefined) return `${promisify}(${calleeText})(${argumentText})`;
  const object = sourceCode.getText(form.bindTo);
  return `${promisify}(${calleeText}.bind(${object}))(${argumentText})`;
}

/** The program knows Node.js's `util` module (from `@types/node`): the code is written for Node.js. */
function hasNodeTypes(context: ChainContext): boolean {
  const program = context.services?.program;
  if (program === undefined) return false;
  let known = nodeTypes.get(program);
  if (known === undefined) {
    known = program.getTypeChecker().getAmbientModules().some((module) => module.name === '"node:util"' || module.name === '"util"');
    nodeTypes.set(program, known);
  }
  return known;
}

const nodeTypes = new WeakMap<object, boolean>();

/** The source between the call's parentheses without the callback and its comma. */
function otherArgumentsText(match: CallbackCall, context: ChainContext): string {
  const range = otherArgumentsRange(match, context.sourceCode);
  return range === undefined ? '' : context.sourceCode.text.slice(range[0], range[1]).trim();
}

/** Where the arguments other than the callback are written, commas and comments between them included. */
export function otherArgumentsRange(match: CallbackCall, sourceCode: ChainContext['sourceCode']): [number, number] | undefined {
  const { call, callbackArgument } = match;
  if (match.otherArguments.length === 0) return undefined;
  const openParen = sourceCode.getTokenAfter(call.typeArguments ?? call.callee, ASTUtils.isOpeningParenToken);
  const closeParen = sourceCode.getLastToken(call);
  if (openParen === null || closeParen === null) return undefined;
  if (call.arguments[0] === callbackArgument) {
    const comma = sourceCode.getTokenAfter(callbackArgument, ASTUtils.isCommaToken);
    return comma === null ? undefined : [comma.range[1], closeParen.range[0]];
  }
  const comma = sourceCode.getTokenBefore(callbackArgument, ASTUtils.isCommaToken);
  return comma === null ? undefined : [openParen.range[1], comma.range[0]];
}

/** Whether an argument may be an options object setting one of `keys`. */
function mayCarryOption(argument: TSESTree.CallExpressionArgument, keys: readonly string[]): boolean {
  if (argument.type === AST_NODE_TYPES.Literal) return false;
  if (argument.type !== AST_NODE_TYPES.ObjectExpression) return true;
  return argument.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.SpreadElement ||
      property.computed ||
      (property.key.type === AST_NODE_TYPES.Identifier && keys.includes(property.key.name)) ||
      (property.key.type === AST_NODE_TYPES.Literal && keys.includes(String(property.key.value))),
  );
}

/** Whether the file runs on Node.js (see `runsOnNode`: a Node.js import, global or `engines.node`). */
function importsNodeModules(sourceCode: ChainContext['sourceCode']): boolean {
  return runsOnNode(sourceCode);
}
