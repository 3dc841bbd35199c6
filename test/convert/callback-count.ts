import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import type * as ESTree from 'estree';
import { sourceTypeOf } from '../../rules/convert/program/source-type-of';

/**
 * What counts as a callback, so that "callbacks removed" means one thing
 * everywhere (the contract-programs test, `scripts/count-callbacks.js`, and
 * through it scripts/evaluate-packages.js).
 * A function (declaration, expression, arrow, method) is one callback when
 * either holds, counted once if both do:
 *
 * - **error-first argument**: it is the last argument of a call and its
 *   first parameter is an error name (`err`, `er`, `error`, `e`, with an
 *   optional number: `err2`). Calls of promise methods (`then`, `catch`,
 *   `finally`), of event registration (`on`, `once`, `addListener`,
 *   `prependListener`, `prependOnceListener`, `addEventListener`) are not
 *   callbacks in this sense, nor `(e) => …` given to an array method
 *   (`forEach`, `map`, `find`, …), where `e` is an element.
 * - **callback parameter**: its last parameter is named `cb`, `callback`,
 *   `done` or `next` (optionally numbered: `cb2`) and its body calls that
 *   parameter (`cb(…)` or `cb?.(…)`, resolved by scope: a shadowing name
 *   does not count).
 *
 * Also counted, as a separate figure: `catch (e) { return cb(e); }` blocks
 * that forward an error to a callback.
 */
export const ERROR_NAME = /^(?:err|er|error|e)\d*$/;
export const CALLBACK_NAME = /^(?:cb|callback|done|next)\d*$/;
const NOT_CALLBACK_METHODS = new Set([
  'then', 'catch', 'finally',
  'on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener',
]);
/** Where `e` is more likely an element than an error. */
const ARRAY_METHODS = new Set(['forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'sort']);

export type CallbackKind = 'error-first-argument' | 'callback-parameter';

export interface CallbackSite {
  readonly line: number;
  readonly kinds: readonly CallbackKind[];
  /** The function's name where it has one (`getUser`, `findById`), else ''. */
  readonly name: string;
}

/** A named function and its parameters, to check that a contract changed or stayed. */
export interface NamedFunction {
  readonly name: string;
  readonly line: number;
  readonly params: readonly string[];
  /** Its last parameter is a callback name that its body calls. */
  readonly takesCallback: boolean;
}

export interface FileCount {
  readonly file: string;
  readonly callbacks: readonly CallbackSite[];
  readonly functions: readonly NamedFunction[];
  readonly forwardingCatches: number;
  /** Every comment's text, in source order (to check that none is dropped). */
  readonly comments: readonly string[];
  /** Set when the file does not parse (then nothing is counted). */
  readonly parseError?: string;
}

type FunctionNode = ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;
type WithParent<T> = T & { parent?: ESTree.Node & { parent?: ESTree.Node } };

export const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;

/** Counts the callbacks of one file's text. */
export function countCallbacks(text: string, file: string): FileCount {
  const callbacks: CallbackSite[] = [];
  const functions: NamedFunction[] = [];
  let forwardingCatches = 0;
  let comments: string[] = [];
  const rule: Rule.RuleModule = {
    create(context) {
      const onFunction = (node: FunctionNode): void => {
        const kinds: CallbackKind[] = [];
        if (isErrorFirstArgument(node)) kinds.push('error-first-argument');
        const takesCallback = callsLastParameter(node, context);
        if (takesCallback) kinds.push('callback-parameter');
        const name = functionName(node);
        const line = node.loc?.start.line ?? 0;
        if (kinds.length > 0) callbacks.push({ line, kinds, name });
        if (name !== '') functions.push({ name, line, params: node.params.map(paramName), takesCallback });
      };
      comments = context.sourceCode.getAllComments().map((comment) => comment.value.trim());
      return {
        FunctionDeclaration: onFunction,
        FunctionExpression: onFunction,
        ArrowFunctionExpression: onFunction,
        CatchClause(node: ESTree.CatchClause) {
          if (isForwardingCatch(node)) forwardingCatches += 1;
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const typescript = /\.[cm]?tsx?$/.test(file);
  const messages = linter.verify(
    text,
    [{
      files: ['**/*'],
      plugins: { count: { rules: { callbacks: rule } } },
      rules: { 'count/callbacks': 'error' },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: /\.[cm]?tsx?$/.test(file) ? 'module' : sourceTypeOf(text, file),
        ...(typescript ? { parser: tsParser } : {}),
        parserOptions: { ecmaFeatures: { jsx: /x$/.test(file) } },
      },
    }],
    { filename: path.basename(file) },
  );
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) return { file, callbacks: [], functions: [], forwardingCatches: 0, comments: [], parseError: `${fatal.line}:${fatal.column} ${fatal.message}` };
  return { file, callbacks, functions, forwardingCatches, comments };
}

function paramName(param: ESTree.Pattern): string {
  if (param.type === 'Identifier') return param.name;
  if (param.type === 'AssignmentPattern' && param.left.type === 'Identifier') return param.left.name;
  if (param.type === 'RestElement' && param.argument.type === 'Identifier') return `...${param.argument.name}`;
  return '';
}

function isErrorFirstArgument(node: WithParent<FunctionNode>): boolean {
  const parent = node.parent;
  if (parent === undefined || (parent.type !== 'CallExpression' && parent.type !== 'NewExpression')) return false;
  if (parent.arguments.at(-1) !== node) return false;
  const first = node.params[0];
  if (first === undefined || first.type !== 'Identifier' || !ERROR_NAME.test(first.name)) return false;
  const callee = parent.callee;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    if (NOT_CALLBACK_METHODS.has(callee.property.name)) return false;
    if (first.name === 'e' && ARRAY_METHODS.has(callee.property.name)) return false;
  }
  return true;
}

function callsLastParameter(node: FunctionNode, context: Rule.RuleContext): boolean {
  const last = node.params.at(-1);
  if (last === undefined || last.type !== 'Identifier' || !CALLBACK_NAME.test(last.name)) return false;
  const variable = context.sourceCode.getDeclaredVariables(node).find((candidate) => candidate.name === last.name);
  if (variable === undefined) return false;
  return variable.references.some((reference) => {
    const identifier = reference.identifier as WithParent<ESTree.Identifier>;
    const parent = identifier.parent;
    return parent !== undefined && parent.type === 'CallExpression' && parent.callee === identifier;
  });
}

/** `function getUser`, `const f = …`, `find(…) {}` in a class or object, `X.prototype.find = …`, `exports.find = …`. */
export function functionName(node: WithParent<FunctionNode>): string {
  if (node.type === 'FunctionDeclaration' || (node.type === 'FunctionExpression' && node.id)) {
    if (node.id) return node.id.name;
  }
  const parent = node.parent;
  if (parent === undefined) return '';
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent.type === 'MethodDefinition' || parent.type === 'Property' || parent.type === 'PropertyDefinition') && !parent.computed) {
    return keyName(parent.key);
  }
  if (parent.type === 'AssignmentExpression' && parent.left.type === 'MemberExpression' && !parent.left.computed) {
    return keyName(parent.left.property);
  }
  return '';
}

function keyName(key: ESTree.Node): string {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return '';
}

/** `catch (e) { return cb(e); }` or `catch (e) { cb(e); }`. */
function isForwardingCatch(node: ESTree.CatchClause): boolean {
  const param = node.param;
  if (param === null || param === undefined || param.type !== 'Identifier') return false;
  const body = node.body.body;
  if (body.length !== 1) return false;
  const statement = body[0];
  const expression =
    statement?.type === 'ReturnStatement' ? statement.argument : statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  if (expression === undefined || expression === null || expression.type !== 'CallExpression') return false;
  const [argument] = expression.arguments;
  return (
    expression.callee.type === 'Identifier' &&
    CALLBACK_NAME.test(expression.callee.name) &&
    argument !== undefined &&
    argument.type === 'Identifier' &&
    argument.name === param.name
  );
}

/** The source files under `target` (a file or a folder; `node_modules` and dot folders skipped), sorted. */
export function sourceFiles(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target];
  const files: string[] = [];
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const child = path.join(target, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) files.push(...sourceFiles(child));
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(child);
    }
  }
  return files.sort();
}

export interface Totals {
  readonly files: number;
  readonly callbacks: number;
  readonly forwardingCatches: number;
  readonly parseErrors: number;
}

/** Counts over every source file under the targets. */
export function countTargets(targets: readonly string[]): { totals: Totals; files: FileCount[] } {
  const files = targets.flatMap(sourceFiles).map((file) => countCallbacks(fs.readFileSync(file, 'utf8'), file));
  const totals: Totals = {
    files: files.length,
    callbacks: files.reduce((sum, count) => sum + count.callbacks.length, 0),
    forwardingCatches: files.reduce((sum, count) => sum + count.forwardingCatches, 0),
    parseErrors: files.filter((count) => count.parseError !== undefined).length,
  };
  return { totals, files };
}

/** "callbacks removed: X of Y (Z%)". */
export function removedLine(before: number, after: number): string {
  const removed = before - after;
  const percent = before === 0 ? 0 : (100 * removed) / before;
  return `callbacks removed: ${removed} of ${before} (${percent.toFixed(1)}%)`;
}
