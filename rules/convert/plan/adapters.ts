import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { NodeApi } from '../../knowledge/node-apis';
import type { RefusalReason } from '../refusal-reasons';
import { planImport } from '../../shared/add-import';
import type { FunctionNode } from '../../shared/async-context';
import { functionIndex } from '../program/function-index';
import type { Program, ProgramFile } from '../program/program';
import { editFixer, renderRange } from '../text/text-edits';
import { runsOnNode } from '../inference/node-file';
import { isPlainlyCallback } from '../inference/optional-arguments';
import { indentationAt } from '../text/layout';
import type { TextEdit } from '../types';
import { asyncName, exportStatement, moduleExportStatement, moveEdit, movedName, renamedText } from './export-site';
import { functionKey, reachesAdapter, resultShape, type ApiMode, type PlannedContract } from './contract-plan';

/** The converted functions of a re-parsed program, found again by their keys. */
export function convertedFunctions(program: Program, planned: readonly PlannedContract[]): Map<FunctionNode, PlannedContract> {
  const functions = functionIndex(program);
  const byKey = new Map(planned.map((contract) => [contract.key, contract]));
  const found = new Map<FunctionNode, PlannedContract>();
  for (const file of program.files) {
    for (const fn of file.record.functions) {
      const info = functions.infoOf(fn);
      const contract = info === undefined ? undefined : byKey.get(functionKey(info));
      if (contract !== undefined && fn.async && fn.params.length === contract.parameters.length - 1) found.set(fn, contract);
    }
  }
  return found;
}

/**
 * For the level-one conversion of callers: a call still passing a callback
 * to a converted function awaits the function itself. Keyed by the call's
 * range in the file's current text.
 */
export function callerLookup(program: Program, file: ProgramFile, converted: ReadonlyMap<FunctionNode, PlannedContract>, api: ApiMode): Map<string, NodeApi | RefusalReason> {
  const functions = functionIndex(program);
  const lookup = new Map<string, NodeApi | RefusalReason>();
  for (const [fn, contract] of converted) {
    for (const reference of functions.referencesOf(fn)) {
      if (reference.kind !== 'call' || reference.file !== file) continue;
      const call = reference.node.parent as TSESTree.CallExpression;
      if (reachesAdapter(fn, program.fileOf(fn), file, functions, program, api)) {
        lookup.set(`${call.range[0]}:${call.range[1]}`, 'public-adapter');
        continue;
      }
      if (!passesCallbackLast(call, fn, contract)) continue;
      lookup.set(`${call.range[0]}:${call.range[1]}`, {
        module: '', name: contract.name, kind: 'error-first', result: resultShape(contract.results), promise: { kind: 'direct' },
      });
    }
  }
  return lookup;
}

/**
 * The converted functions of several results that a call still hands a
 * callback (its callback did not become `await`), each with the file of
 * one such call: `callbackify` would hand that callback one array.
 */
export function severalResultsKept(program: Program, converted: ReadonlyMap<FunctionNode, PlannedContract>): Map<PlannedContract, ProgramFile> {
  const functions = functionIndex(program);
  const kept = new Map<PlannedContract, ProgramFile>();
  for (const [fn, contract] of converted) {
    if (contract.results < 2) continue;
    const call = functions.referencesOf(fn).find((reference) => reference.kind === 'call' && passesCallbackLast(reference.node.parent as TSESTree.CallExpression, fn, contract));
    if (call !== undefined) kept.set(contract, call.file);
  }
  return kept;
}

/**
 * The adapters keeping callback callers working: calls that could not
 * `await` call `callbackify(f)(…, cb)`, values become `callbackify(f)`, and
 * a public file exports a function with the old parameters (arity and
 * `this` kept) that calls back once, asynchronously. A string names what
 * cannot be adapted.
 */
export function adapterEdits(program: Program, converted: ReadonlyMap<FunctionNode, PlannedContract>, api: ApiMode): Map<string, TextEdit[]> | string {
  const functions = functionIndex(program);
  const edits = new Map<string, TextEdit[]>();
  const references = new Map<ProgramFile, string>();
  const callbackify = (file: ProgramFile, site: TSESTree.Node): string | undefined => {
    const known = references.get(file);
    if (known !== undefined) return known;
    const plan = planImport(file.sourceCode, site, 'util', 'callbackify');
    if (plan === undefined) return undefined;
    references.set(file, plan.reference);
    if (plan.fix !== undefined) add(file, plan.fix(editFixer));
    return plan.reference;
  };
  const add = (file: ProgramFile, edit: TextEdit): void => {
    const list = edits.get(file.path) ?? [];
    list.push(edit);
    edits.set(file.path, list);
  };
  const moves: { fn: FunctionNode; moved: MovedFunction; adapter: string }[] = [];
  for (const [fn, contract] of converted) {
    const moved = api === 'promise' ? undefined : movedFunction(fn, program, api);
    for (const reference of functions.referencesOf(fn)) {
      const { node, file } = reference;
      if (reachesAdapter(fn, program.fileOf(fn), file, functions, program, api)) continue;
      const text = file.sourceCode.text;
      const source = (target: TSESTree.Node): string => text.slice(target.range[0], target.range[1]);
      if (reference.kind === 'call') {
        const call = node.parent as TSESTree.CallExpression;
        if (moved !== undefined && file === moved.file && node.type === (moved.kind === 'commonjs' ? AST_NODE_TYPES.MemberExpression : AST_NODE_TYPES.Identifier)) {
          // `exports.f(…)` (or `f(…)` of `export function f`) in its own file: the export is the adapter now.
          if (!passesCallbackLast(call, fn, contract)) add(file, { range: node.range, text: moved.name });
          else {
            const adapt = callbackify(file, call);
            if (adapt === undefined) return `no name for \`callbackify\` in ${file.path}`;
            add(file, { range: node.range, text: `${adapt}(${moved.name})` });
          }
          continue;
        }
        if (!passesCallbackLast(call, fn, contract)) continue;
        if (!runsOnNode(file.sourceCode)) {
          add(file, promiseAdapter(call, text));
          continue;
        }
        const adapt = callbackify(file, call);
        if (adapt === undefined) return `no name for \`callbackify\` in ${file.path}`;
        const first = call.arguments[0] as TSESTree.Node;
        if (node.type === AST_NODE_TYPES.MemberExpression) {
          add(file, { range: [call.range[0], first.range[0]], text: `${adapt}(${source(node)}).call(${source(node.object)}, ` });
        } else add(file, { range: node.range, text: `${adapt}(${source(node)})` });
        continue;
      }
      if (!runsOnNode(file.sourceCode)) return `${file.path} shows no sign of running on Node.js, where \`util.callbackify\` is`;
      if (reference.kind === 'value') {
        // `f.length`, `f.name`: read off the function, not called back.
        if (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) continue;
        const adapt = callbackify(file, node);
        if (adapt === undefined) return `no name for \`callbackify\` in ${file.path}`;
        const named = moved?.kind === 'module' && file === moved.file ? moved.name : source(node);
        add(file, { range: node.range, text: `${adapt}(${named})` });
        continue;
      }
      if (api === 'promise' || !program.isPublicFile(file)) continue;
      const site = reference.exportSite;
      if (moved !== undefined && (site?.value === fn || moved.statement === fn)) {
        if (moves.some((move) => move.fn === fn)) continue;
        const adapt = callbackify(file, moved.statement);
        if (adapt === undefined) return `no name for \`callbackify\` in ${file.path}`;
        const adapter = moved.file.typescript ? typedAdapter(moved.name, contract, adapt) : exportAdapter(moved.name, contract, adapt, api === 'dual');
        moves.push({ fn, moved, adapter: moved.kind === 'commonjs' ? adapter : adapter.replace(/^function /, `function ${contract.name}`) });
        continue;
      }
      if (site === undefined || site.value.type !== AST_NODE_TYPES.Identifier) return `\`${contract.name}\` is exported in a way the adapter does not cover`;
      const adapt = callbackify(file, site.value);
      if (adapt === undefined) return `no name for \`callbackify\` in ${file.path}`;
      const adapter = exportAdapter(source(site.value), contract, adapt, api === 'dual');
      const property = site.statement.type === AST_NODE_TYPES.Property && site.statement.shorthand ? site.statement : undefined;
      if (property !== undefined) add(file, { range: property.range, text: `${site.name}: ${adapter}` });
      else add(file, { range: site.value.range, text: adapter });
    }
  }
  // Last, so the moved text carries the edits made inside the function (its calls of other moved functions).
  for (const { fn, moved, adapter } of moves) {
    const list = edits.get(moved.file.path) ?? [];
    const inside = list.filter((edit) => edit.range[0] >= fn.range[0] && edit.range[1] <= fn.range[1]);
    if (inside.some((edit) => edit.range[0] < fn.body.range[0])) return `\`${moved.name}\` cannot move out of its export site`;
    const text = renderRange(moved.file.sourceCode.text, fn.range, inside);
    const rest = list.filter((edit) => !inside.includes(edit));
    if (moved.kind === 'commonjs') {
      rest.push(moveEdit(fn, text, moved.name, moved.statement, moved.file.sourceCode), { range: fn.range, text: adapter });
    } else {
      const exportKeywords = moved.file.sourceCode.text.slice(moved.statement.range[0], fn.range[0]);
      rest.push({ range: moved.statement.range, text: `${renamedText(fn as TSESTree.FunctionDeclaration, text, moved.name)}\n\n${exportKeywords}${adapter}` });
    }
    edits.set(moved.file.path, rest);
  }
  return edits;
}

/** A converted function written at a public export site: the declaration it moves into, and where. */
type MovedFunction =
  /** CommonJS: the declaration goes before the export statement, whose value becomes the adapter. */
  | { readonly kind: 'commonjs'; readonly name: string; readonly statement: TSESTree.ExpressionStatement; readonly file: ProgramFile }
  /** A module's `export function f`: `async function fAsync` and the exported adapter `f` replace the statement. */
  | { readonly kind: 'module'; readonly name: string; readonly statement: TSESTree.ExportNamedDeclaration | TSESTree.ExportDefaultDeclaration | TSESTree.FunctionDeclaration; readonly file: ProgramFile };

function movedFunction(fn: FunctionNode, program: Program, api: ApiMode): MovedFunction | undefined {
  const file = program.fileOf(fn);
  if (!program.isPublicFile(file)) return undefined;
  for (const reference of functionIndex(program).referencesOf(fn)) {
    const site = reference.kind === 'export' ? reference.exportSite : undefined;
    if (site === undefined) continue;
    const statement = exportStatement(site, fn);
    if (statement !== undefined) return { kind: 'commonjs', name: movedName(fn, site, file.path, file.sourceCode), statement, file };
    const module = moduleExportStatement(site, fn, file.path, api);
    if (module !== undefined) return { kind: 'module', name: asyncName(fn, file.sourceCode), statement: module, file };
  }
  return undefined;
}

/**
 * Where `util.callbackify` may not exist (no sign of Node.js): `f(x, cb)` →
 * `f(x).then((value) => [null, value], (error) => [error]).then((results) => (cb)(...results))`,
 * the callback evaluated once and called once, with the same arguments.
 */
function promiseAdapter(call: TSESTree.CallExpression, text: string): TextEdit {
  const callback = call.arguments.at(-1) as TSESTree.Node;
  const previous = call.arguments.at(-2);
  const source = (node: TSESTree.Node): string => text.slice(node.range[0], node.range[1]);
  const head = text.slice(call.range[0], previous === undefined ? (call.arguments[0] as TSESTree.Node).range[0] : previous.range[1]);
  const indent = `${indentationAt(text, call.range[0])}  `;
  return {
    range: call.range,
    text: `${head})\n${indent}.then((value) => [null, value], (error) => [error])\n${indent}.then((results) => (${source(callback)})(...results))`,
  };
}

/**
 * `function (dir, done) { return callbackify(cleanOldest).call(this, dir, done); }`:
 * the old arity, `this`, one asynchronous call back; the statements that
 * picked the callback out of optional arguments run first, as before.
 * `dual`: without a function in the callback's place, the promise itself.
 */
function exportAdapter(name: string, contract: PlannedContract, callbackify: string, dual: boolean): string {
  const parameters = contract.parameters.map((parameter, index) => {
    const plain = parameterName(parameter);
    return /^[\w$]+$/.test(plain) ? plain : `arg${index}`;
  });
  const list = parameters.join(', ');
  const opening = contract.opening.map((statement) => `  ${statement}\n`).join('');
  const callback = parameters.at(-1) ?? 'callback';
  const promise = dual ? `  if (typeof ${callback} !== 'function') return ${name}.call(${['this', ...parameters.slice(0, -1)].join(', ')});\n` : '';
  return `function (${list}) {\n${opening}${promise}  return ${callbackify}(${name}).call(this, ${list});\n}`;
}

/**
 * TypeScript's `export function f(file: string, cb: …): void`: the same
 * parameters, types and return type, and no `this` (a module function's is
 * undefined, and `noImplicitThis` would reject it).
 */
function typedAdapter(name: string, contract: PlannedContract, callbackify: string): string {
  const names = contract.parameters.map(parameterName);
  const opening = contract.opening.map((statement) => `  ${statement}\n`).join('');
  return `function (${contract.parameters.join(', ')})${contract.returnType} {\n${opening}  return ${callbackify}(${name})(${names.join(', ')});\n}`;
}

/** `file: string`, `cb?: Callback`, `options = {}` as written → the name. */
function parameterName(parameter: string): string {
  return parameter.replace(/\s*[?]?\s*[:=][\s\S]*$/, '');
}

/** A call of the converted function `fn` still handing it a callback, last. */
function passesCallbackLast(call: TSESTree.CallExpression, fn: FunctionNode, contract: PlannedContract): boolean {
  const count = call.arguments.length - 1;
  return count === fn.params.length || (contract.shuffled && count === fn.params.length - 1 && isPlainlyCallback(call.arguments.at(-1)));
}
