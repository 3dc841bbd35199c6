import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createsError, looksLikeErrorName } from './detect';
import { enclosingFunction, isFunctionNode, type FunctionNode } from '../../shared/async-context';
import { functionIndex, type FunctionIndex } from '../program/function-index';
import type { Program, ProgramFile } from '../program/program';
import { countOnEveryPath } from './exactly-once';
import { leafOf, type Leaf } from './leaves';
import { isInside, stepFunction } from './step-functions';
import { CALLBACK_NAME, optionalArguments } from './optional-arguments';

type Variable = TSESLint.Scope.Variable;

/**
 * A function with an error-first contract: on every path it calls its last
 * parameter exactly once, asynchronously, as `cb(err)` or `cb(null, result)`,
 * and the callback goes nowhere else.
 */
export interface Contract {
  readonly fn: FunctionNode;
  readonly file: ProgramFile;
  readonly name: string;
  /** The callback parameter. */
  readonly callback: Variable;
  /** Results after the error: the most any call back hands over (2 for a Node.js API's several results, whose count is unknown). */
  readonly results: number;
  /** The calls completing a level: `cb(…)`, `leaf(…, cb)`, and the leaf calls the later-running function literals are handed to. */
  readonly events: readonly TSESTree.CallExpression[];
  /** The step functions the contract goes round through (inference/step-functions.ts), and their calls. */
  readonly steps: readonly FunctionNode[];
  readonly stepCalls: readonly TSESTree.CallExpression[];
  /** Calls back made synchronously, accepted with `deferSyncCallbacks`: after the conversion they settle a tick later. */
  readonly deferred: readonly TSESTree.CallExpression[];
}

export interface InferenceOptions {
  /**
   * Accept callbacks called synchronously on some paths (Zalgo: argument
   * checks, cache hits, an empty list): the converted function settles
   * its promise on those paths too, so its callers resume a tick later.
   */
  readonly deferSyncCallbacks?: boolean;
}

type Climb = { readonly broken: string; readonly async: boolean } | { readonly async: boolean };
type StepVerdict = { readonly broken: string; readonly async: boolean } | { readonly startsAsync: boolean; readonly calls: readonly TSESTree.CallExpression[] };

/** Why a function that takes a callback has no contract, naming the place that breaks it. */
export interface Breach {
  readonly fn: FunctionNode;
  readonly file: ProgramFile;
  readonly name: string;
  readonly detail: string;
}

export interface Contracts {
  readonly contractOf: (fn: FunctionNode) => Contract | undefined;
  readonly breaches: readonly Breach[];
  readonly all: readonly Contract[];
  readonly functions: FunctionIndex;
}

const caches = { strict: new WeakMap<Program, Contracts>(), deferring: new WeakMap<Program, Contracts>() };

/**
 * Contracts of the program's functions, inferred bottom-up over the call
 * graph: leaves are the knowledge table's error-first APIs and timers, and
 * contract functions (recursion included: every candidate is assumed to be
 * one until its body shows otherwise, repeated until nothing changes).
 */
export function inferContracts(program: Program, services?: ParserServicesWithTypeInformation, options: InferenceOptions = {}): Contracts {
  const deferSync = options.deferSyncCallbacks === true;
  const cache = deferSync ? caches.deferring : caches.strict;
  const known = cache.get(program);
  if (known !== undefined) return known;
  const functions = functionIndex(program);
  const candidates = new Map<FunctionNode, { file: ProgramFile; name: string; callback: Variable }>();
  for (const file of program.files) {
    for (const fn of file.record.functions) {
      const info = functions.infoOf(fn);
      const callback = info === undefined ? undefined : callbackParameter(fn, file.sourceCode);
      if (info !== undefined && callback !== undefined) candidates.set(fn, { file, name: info.name, callback });
    }
  }
  const assumed = new Set(candidates.keys());
  let results = new Map<FunctionNode, Contract | Breach>();
  for (let changed = true; changed; ) {
    changed = false;
    results = new Map();
    for (const [fn, candidate] of candidates) {
      if (!assumed.has(fn)) continue;
      const result = analyse(fn, candidate.file, candidate.name, candidate.callback, functions, (other) => assumed.has(other), services, deferSync);
      results.set(fn, result);
      if (!('callback' in result)) {
        assumed.delete(fn);
        changed = true;
      }
    }
  }
  const breaches: Breach[] = [];
  for (const [fn, candidate] of candidates) {
    const result = results.get(fn);
    if (result !== undefined && !('callback' in result)) breaches.push(result);
    // Removed in an earlier round: its verdict was computed then.
    else if (result === undefined) breaches.push(firstBreach(fn, candidate, functions, assumed, services, deferSync));
  }
  const all = [...results.values()].filter((result): result is Contract => 'callback' in result);
  const byFunction = new Map(all.map((contract) => [contract.fn, contract]));
  settleResults(all, byFunction, functions);
  const contracts: Contracts = { contractOf: (fn) => byFunction.get(fn), breaches, all: [...byFunction.values()], functions };
  cache.set(program, contracts);
  return contracts;
}

function firstBreach(
  fn: FunctionNode,
  candidate: { file: ProgramFile; name: string; callback: Variable },
  functions: FunctionIndex,
  assumed: ReadonlySet<FunctionNode>,
  services: ParserServicesWithTypeInformation | undefined,
  deferSync: boolean,
): Breach {
  const result = analyse(fn, candidate.file, candidate.name, candidate.callback, functions, (other) => assumed.has(other), services, deferSync);
  return 'callback' in result ? { fn, file: candidate.file, name: candidate.name, detail: 'it calls a function that has no contract' } : result;
}


/** The last parameter, when the body calls it, or hands it on under a callback's name. */
function callbackParameter(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): Variable | undefined {
  if (fn.async || fn.generator) return undefined;
  const last = fn.params.at(-1);
  if (last?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = sourceCode.scopeManager?.acquire(fn, true)?.set.get(last.name);
  if (variable === undefined) return undefined;
  // Called, or (named like a callback) handed on last (`fs.readFile(p, cb)`) or to a timer: `getRoot(p)` is no callback.
  const named = CALLBACK_NAME.test(last.name);
  const used = variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
    if (parent.callee === reference.identifier) return true;
    if (named && parent.arguments.at(-1) === reference.identifier) return true;
    return named && parent.arguments[0] === reference.identifier && /(?:^|\.)(?:setTimeout|setImmediate|nextTick)$/.test(sourceCode.getText(parent.callee));
  });
  return used ? variable : undefined;
}

function analyse(
  fn: FunctionNode,
  file: ProgramFile,
  name: string,
  callback: Variable,
  functions: FunctionIndex,
  isContract: (fn: FunctionNode) => boolean,
  services: ParserServicesWithTypeInformation | undefined,
  deferSync: boolean,
): Contract | Breach {
  const breach = (detail: string): Breach => ({ fn, file, name, detail });
  const line = (node: TSESTree.Node): number => node.loc.start.line;
  const cb = `\`${callback.name}\``;
  const events = new Map<FunctionNode, TSESTree.CallExpression[]>([[fn, []]]);
  const addEvent = (owner: FunctionNode, call: TSESTree.CallExpression): void => {
    const list = events.get(owner) ?? [];
    if (!list.includes(call)) list.push(call);
    events.set(owner, list);
  };
  let results = 0;
  const deferred: TSESTree.CallExpression[] = [];

  const steps = new Map<FunctionNode, StepVerdict>();

  /**
   * The chain from `inner` up to `until`: function literals each handed to a
   * leaf, and step functions (their starts climbed in turn). `async`: some
   * leaf lies between, so what `inner` does happens after `fn` returned.
   */
  const climb = (inner: FunctionNode, until: FunctionNode = fn): Climb => {
    let async = false;
    for (let current = inner; current !== until; ) {
      const call = current.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(current as TSESTree.CallExpressionArgument)) {
        const step = stepOf(current);
        if (step === undefined) return { broken: `uses ${cb} inside a function at line ${line(current)} that is not a callback it can follow`, async };
        if ('broken' in step) return step;
        return { async: async || step.startsAsync };
      }
      const leaf = leafOf(call, call.arguments.indexOf(current as TSESTree.CallExpressionArgument), file, functions, isContract, services);
      if (leaf === undefined) return { broken: `calls ${cb} from a callback of \`${calleeText(call, file)}\` (line ${line(call)}), which may run it more than once, never, or at once`, async };
      if (current.type === AST_NODE_TYPES.FunctionExpression && current.id !== null) return { broken: `names the callback at line ${line(current)}, so it may run from elsewhere`, async };
      const outer = enclosingFunction(call);
      if (outer === undefined) return { broken: `uses ${cb} outside the function`, async };
      addEvent(outer, call);
      async = true;
      current = outer;
    }
    return { async };
  };

  /** A step function met on the way up: each of its calls completes the level it stands in. */
  const stepOf = (step: FunctionNode): StepVerdict | undefined => {
    const known = steps.get(step);
    if (known !== undefined) return known;
    const shape = stepFunction(step, file.sourceCode);
    if (shape === undefined) return undefined;
    if (typeof shape === 'string') return { broken: shape, async: false };
    // Going round again reaches it from inside: assumed fine while its starts are looked at.
    steps.set(step, { startsAsync: true, calls: shape.calls });
    let startsAsync = true;
    for (const call of shape.calls) {
      const owner = enclosingFunction(call);
      if (owner === undefined) return remember(step, { broken: `starts \`${step.id?.name ?? ''}\` outside the function`, async: false });
      addEvent(owner, call);
      const again = isInside(call, step);
      const climbed = climb(owner, again ? step : fn);
      if ('broken' in climbed) return remember(step, climbed);
      if (!again) startsAsync &&= climbed.async;
    }
    if (!events.has(step)) events.set(step, []);
    return remember(step, { startsAsync, calls: shape.calls });
  };
  const remember = (step: FunctionNode, verdict: StepVerdict): StepVerdict => {
    steps.set(step, verdict);
    return verdict;
  };

  // `if (typeof options === 'function') { cb = options; … }`, `cb = cb || noop`: picking the callback, not using it.
  const opening = optionalArguments(fn).statements;
  const picksCallback = (node: TSESTree.Node): boolean => opening.some((statement) => node.range[0] >= statement.range[0] && node.range[1] <= statement.range[1]);
  for (const reference of callback.references) {
    const identifier = reference.identifier as TSESTree.Identifier;
    if (picksCallback(identifier)) continue;
    if (reference.isWrite()) return breach(`assigns ${cb} at line ${line(identifier)}`);
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof') continue;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) {
      const owner = enclosingFunction(parent);
      if (owner === undefined) return breach(`calls ${cb} outside the function`);
      if (owner === fn) {
        if (!deferSync) return breach(`calls ${cb} synchronously at line ${line(parent)}, before anything asynchronous`);
        deferred.push(parent);
      } else {
        const climbed = climb(owner);
        if ('broken' in climbed) return breach(climbed.broken);
        if (!climbed.async && !deferSync) return breach(`may call ${cb} synchronously at line ${line(parent)}, before anything asynchronous (through a step function started at once)`);
        if (!climbed.async) deferred.push(parent);
      }
      const error = parent.arguments[0];
      if (error !== undefined && !isErrorArgument(error, file)) {
        return breach(`calls ${cb} with \`${file.sourceCode.getText(error)}\` in the error's place at line ${line(parent)} (not error-first)`);
      }
      addEvent(owner, parent);
      results = Math.max(results, parent.arguments.length - 1);
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier)) {
      const leaf = leafOf(parent, parent.arguments.indexOf(identifier), file, functions, isContract, services);
      if (leaf === undefined) return breach(`hands ${cb} to \`${calleeText(parent, file)}\` at line ${line(parent)}, which is not known to call it once, later`);
      if (leaf.kind === 'promise' && parent.arguments[1] !== identifier) return breach(`hands ${cb} to \`.then\` at line ${line(parent)} as the value handler, which calls it with the value in the error's place`);
      if (leaf.kind === 'value') return breach(`hands ${cb} to \`${calleeText(parent, file)}\` at line ${line(parent)}, which calls it with a value in the error's place`);
      const owner = enclosingFunction(parent);
      if (owner === undefined) return breach(`uses ${cb} outside the function`);
      if (owner !== fn) {
        const climbed = climb(owner);
        if ('broken' in climbed) return breach(climbed.broken);
      }
      addEvent(owner, parent);
      results = Math.max(results, leafResults(leaf, parent));
      continue;
    }
    return breach(`keeps or passes on ${cb} at line ${line(identifier)}`);
  }
  for (const [owner, list] of events) {
    const verdict = countOnEveryPath(owner, list, file.record);
    if (verdict === undefined) return breach('its code paths are unknown');
    if (verdict.kind === 'never') return breach(`may end without calling ${cb}${verdict.at === undefined ? '' : ` (line ${line(verdict.at)})`}`);
    if (verdict.kind === 'twice') {
      return breach(verdict.first === verdict.second ? `may call ${cb} more than once (line ${line(verdict.first)}, in a loop)` : `may call ${cb} twice (lines ${line(verdict.first)} and ${line(verdict.second)})`);
    }
  }
  const stepCalls = [...steps.values()].flatMap((step) => ('calls' in step ? step.calls : []));
  return { fn, file, name, callback, results, events: [...events.values()].flat(), steps: [...steps.keys()], stepCalls, deferred };
}

/**
 * What may stand first in an error-first call back: `null`/`undefined`, a
 * `new …Error(…)`, or a name that holds an error (a callback's error
 * parameter, a `catch` parameter, or a name like `err`).
 */
function isErrorArgument(node: TSESTree.Node, file: ProgramFile): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null;
  if (createsError(node)) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  if (node.name === 'undefined' || looksLikeErrorName(node.name)) return true;
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  const definition = variable?.defs[0];
  if (definition?.type === DefinitionType.CatchClause) return true;
  return definition?.type === DefinitionType.Parameter && isFunctionNode(definition.node) && definition.node.params[0] === definition.name;
}

/** What a forwarding leaf passes after the error (a contract's results are settled later). */
function leafResults(leaf: Leaf, call: TSESTree.CallExpression): number {
  if (leaf.kind === 'timer') return Math.max(0, call.arguments.length - 2);
  if (leaf.kind === 'contract') return 0;
  if (leaf.kind === 'promise' || leaf.kind === 'value') return 1;
  const shape = leaf.api.result ?? { kind: 'single' };
  return shape.kind === 'none' ? 0 : shape.kind === 'single' ? 1 : shape.kind === 'array' ? shape.count : 2;
}

/** A contract that forwards its callback to another contract delivers that one's results too. */
function settleResults(all: Contract[], byFunction: Map<FunctionNode, Contract>, functions: FunctionIndex): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const contract of all) {
      let results = contract.results;
      for (const reference of contract.callback.references) {
        const call = reference.identifier.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === reference.identifier) continue;
        const target = functions.resolve(call.callee, contract.file);
        const other = target === undefined ? undefined : byFunction.get(target);
        if (other !== undefined) results = Math.max(results, other.results);
      }
      if (results !== contract.results) {
        const updated = { ...contract, results };
        byFunction.set(contract.fn, updated);
        all.splice(all.indexOf(contract), 1, updated);
        changed = true;
      }
    }
  }
}

function calleeText(call: TSESTree.CallExpression, file: ProgramFile): string {
  return file.sourceCode.getText(call.callee).replace(/\s+/g, '');
}
