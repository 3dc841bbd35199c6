import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import type { ResultShape } from '../../knowledge/node-apis';
import type { FunctionNode } from '../../shared/async-context';
import { setContractCallees, type ContractCalleeLookup } from '../inference/contract-callees';
import type { Contract, Contracts } from '../inference/contracts';
import { isStatementCall } from '../inference/leaves';
import { arityFits, optionalArguments } from '../inference/optional-arguments';
import { isRereadable } from '../inference/typed-callee';
import type { FunctionIndex, FunctionInfo } from '../program/function-index';
import type { Program, ProgramFile } from '../program/program';
import type { RefusalReason } from '../refusal-reasons';
import { mergeImportEdits } from '../rewrite/chain-context';
import { convertContractFunction, fileState } from '../rewrite/contract-function';
import { exportStatement, moduleExportStatement, movingProblem } from './export-site';
import { unseenCallersProblem } from './unseen-callers';
import { severalResultsProblem } from './several-results';
import type { TextEdit } from '../types';

/**
 * `callback`: public functions keep working for callback callers through an
 * adapter; `promise`: they return promises; `dual`: the adapter returns the
 * promise when no callback is passed, so callers in the program await it.
 */
export type ApiMode = 'callback' | 'promise' | 'dual';

/** A contract function the plan converts. */
export interface PlannedContract {
  /** Identifies the function across re-parses: its file and the name callers use. */
  readonly key: string;
  readonly name: string;
  readonly file: string;
  readonly line: number;
  /** Its parameters before the conversion, the callback last: an adapter keeps them. */
  readonly parameters: readonly string[];
  /** The opening statements picking the callback out of optional arguments (inference/optional-arguments.ts): an adapter keeps them. */
  readonly opening: readonly string[];
  /** Whether callers may leave out the argument before the callback. */
  readonly shuffled: boolean;
  readonly results: number;
  /** Lines where it called back synchronously (accepted with `deferSyncCallbacks`): those paths now settle a tick later. */
  readonly deferred: readonly number[];
  /** Its return type annotation as written (`: void`), for a TypeScript adapter; empty without one. */
  readonly returnType: string;
}

export interface ContractRefusal {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly reason: RefusalReason;
  /** What breaks the contract or keeps it: a place and what happens there. */
  readonly detail: string;
  /** Its {@link functionKey}, when callers can name it: their report entries point here. */
  readonly key?: string;
}

export interface ContractPlan {
  readonly planned: readonly PlannedContract[];
  readonly refusals: readonly ContractRefusal[];
  /** Per file path: the edits converting its contract functions (callers come later). */
  readonly edits: ReadonlyMap<string, readonly TextEdit[]>;
  readonly notes: readonly string[];
}

/** The name a function is known by across re-parses: `file\0name` or `file\0Owner.name`. */
export function functionKey(info: FunctionInfo): string {
  if (info.binding.kind === 'variable') return `${info.file.path}\0${info.name}`;
  const owner = info.binding.owner;
  return `${info.file.path}\0${'defs' in owner ? owner.name : 'exports'}.${info.name}`;
}

/**
 * Chooses the contracts to convert and writes their new bodies: a contract
 * converts when every reference to it inside the program can follow (calls
 * whose result nobody uses, with all their arguments; values that an adapter
 * can wrap; exports of a public file an adapter can keep), and when its body
 * converts. Dropping one may drop others (their bodies awaited it), so the
 * choice repeats until it holds. A contract of several results converts
 * only when every reference to it is a caller changing with it (see
 * several-results.ts).
 */
export function planContracts(
  program: Program,
  contracts: Contracts,
  api: ApiMode,
  services?: ParserServicesWithTypeInformation,
  focus?: (contract: Contract) => boolean,
  /** Functions of several results left out by an earlier run (a caller kept its callback): key → why. */
  excluded: ReadonlyMap<string, string> = new Map(),
): ContractPlan {
  const functions = contracts.functions;
  const keyOf = (fn: FunctionNode): string | undefined => {
    const info = functions.infoOf(fn);
    return info === undefined ? undefined : functionKey(info);
  };
  const refusals: ContractRefusal[] = contracts.breaches.map((breach) => ({
    name: breach.name, file: breach.file.path, line: breach.fn.loc.start.line, reason: 'contract-breach', detail: breach.detail, key: keyOf(breach.fn),
  }));
  const refuseContract = (contract: Contract, reason: RefusalReason, detail: string): void => {
    refusals.push({ name: contract.name, file: contract.file.path, line: contract.fn.loc.start.line, reason, detail, key: keyOf(contract.fn) });
  };
  const keys = new Map<string, number>();
  for (const contract of contracts.all) {
    const info = functions.infoOf(contract.fn);
    if (info !== undefined) keys.set(functionKey(info), (keys.get(functionKey(info)) ?? 0) + 1);
  }
  const chosen = new Map<FunctionNode, Contract>();
  for (const contract of contracts.all) {
    const info = functions.infoOf(contract.fn);
    const problem =
      info === undefined ? 'it has no name callers use'
      : keys.get(functionKey(info)) !== 1 ? 'another function of the file has the same name'
      : excluded.get(functionKey(info)) ?? callerProblem(contract, info, program, functions, api, contracts.all);
    if (problem !== undefined) refuseContract(contract, contract.results > 1 ? 'multiple-results' : 'contract-caller', problem);
    else chosen.set(contract.fn, contract);
  }
  if (focus !== undefined) keepConnected(chosen, focus, functions);
  for (;;) {
    for (const file of program.files) setContractCallees(file.sourceCode, lookupFor(file, program, functions, chosen, contracts, api));
    const edits = new Map<string, TextEdit[]>();
    const notes: string[] = [];
    let dropped = false;
    for (const file of program.files) {
      const state = fileState();
      const fileEdits: TextEdit[] = [];
      for (const contract of chosen.values()) {
        if (contract.file !== file) continue;
        const result = convertContractFunction(contract, services, state);
        if ('kind' in result) {
          refuseContract(contract, result.reason, `its body does not convert (${result.reason})`);
          chosen.delete(contract.fn);
          dropped = true;
          break;
        }
        fileEdits.push(...result);
      }
      if (dropped) break;
      notes.push(...state.notes);
      if (fileEdits.length > 0) edits.set(file.path, [...fileEdits, ...mergeImportEdits(state.importEdits)]);
    }
    for (const file of program.files) setContractCallees(file.sourceCode, undefined);
    if (dropped) continue;
    const planned = [...chosen.values()].map((contract): PlannedContract => ({
      key: functionKey(functions.infoOf(contract.fn) as FunctionInfo),
      name: contract.name,
      file: contract.file.path,
      line: contract.fn.loc.start.line,
      parameters: contract.fn.params.map((parameter) => contract.file.sourceCode.getText(parameter)),
      opening: optionalArguments(contract.fn).statements.map((statement) => contract.file.sourceCode.getText(statement)),
      shuffled: optionalArguments(contract.fn).shuffled !== undefined,
      results: contract.results,
      deferred: contract.deferred.map((call) => call.loc.start.line),
      returnType: contract.fn.returnType == null ? '' : contract.file.sourceCode.getText(contract.fn.returnType),
    }));
    return { planned, refusals, edits, notes };
  }
}

/**
 * Only the contracts connected to the focused one (it awaits them, or they
 * await it, through any number of steps): converting one function converts
 * what must change with it, and nothing else.
 */
function keepConnected(chosen: Map<FunctionNode, Contract>, focus: (contract: Contract) => boolean, functions: FunctionIndex): void {
  const neighbours = new Map<FunctionNode, Set<FunctionNode>>();
  const link = (a: FunctionNode, b: FunctionNode): void => {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const set = neighbours.get(from) ?? new Set<FunctionNode>();
      set.add(to);
      neighbours.set(from, set);
    }
  };
  for (const contract of chosen.values()) {
    for (const reference of functions.referencesOf(contract.fn)) {
      for (let current = reference.node.parent; current != null; current = current.parent) {
        if (current !== contract.fn && chosen.has(current as FunctionNode)) link(contract.fn, current as FunctionNode);
      }
    }
  }
  const start = [...chosen.values()].filter(focus).map((contract) => contract.fn);
  const reached = new Set<FunctionNode>(start);
  for (const queue = [...start]; queue.length > 0; ) {
    for (const next of neighbours.get(queue.pop() as FunctionNode) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  for (const fn of [...chosen.keys()]) if (!reached.has(fn)) chosen.delete(fn);
}

/** Why a reference to the contract function cannot follow its conversion, if one cannot. */
function callerProblem(contract: Contract, info: FunctionInfo, program: Program, functions: FunctionIndex, api: ApiMode, contracts: readonly Contract[]): string | undefined {
  if (contract.results > 1) {
    const problem = severalResultsProblem(contract, info, program, functions, contracts);
    if (problem !== undefined) return problem;
  }
  const at = (node: TSESTree.Node, file: ProgramFile): string => `${file.path}:${node.loc.start.line}`;
  const unseen = unseenCallersProblem(info, program, functions);
  if (unseen !== undefined) return unseen;
  if (info.binding.kind === 'member') {
    // `this.data.get(key)` is no call of a `get(key, cb)`: a call with another number of arguments cannot be one.
    const unresolved = functions.unresolvedMembers(info.name).find((member) => {
      const call = member.parent;
      return call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || arityFits(contract.fn, call) || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
    });
    if (unresolved !== undefined) return `\`.${info.name}\` is read at ${at(unresolved, program.fileOf(unresolved))} on a value whose class is unknown`;
    // Under `dual` too: a method has no adapter yet.
    const site = info.binding.ownerKind === 'exports' || api === 'promise' ? undefined : functions.publicSiteOf(info.binding.owner);
    if (site !== undefined) return `it is a method of public API (handed out at ${at(site.node, site.file)}): callers outside the program call it with a callback (use --api promise to change the public contract)`;
  }
  for (const reference of functions.referencesOf(contract.fn)) {
    const node = reference.node;
    if (reachesAdapter(contract.fn, contract.file, reference.file, functions, program, api)) continue;
    if (reference.kind === 'call') {
      const call = node.parent as TSESTree.CallExpression;
      const problem = callProblem(contract, call, node, reference.file);
      // Under `dual` a caller in another file that cannot await keeps calling back, through the export's adapter.
      if (problem !== undefined && !(api === 'dual' && callsThroughExport(contract.fn, contract.file, reference.file, functions, program))) return problem;
      continue;
    }
    if (reference.kind === 'value') {
      if (node.type !== AST_NODE_TYPES.Identifier || info.binding.kind !== 'variable') return `it is used as a value at ${at(node, reference.file)}`;
      continue;
    }
    // An export: callers outside the program keep calling back, through an adapter.
    if (api === 'promise' || !program.isPublicFile(reference.file)) continue;
    const opening = optionalArguments(contract.fn).statements[0];
    if (api === 'dual' && opening !== undefined) {
      return `its callback is optional (${at(opening, contract.file)}): under --api dual a call without one would get a promise, and a rejection nothing handles ends the process where the error was dropped before (use --api callback or --api promise)`;
    }
    const site = reference.exportSite;
    if (site !== undefined && exportStatement(site, contract.fn) !== undefined && info.binding.kind === 'member') {
      const problem = movingProblem(contract.fn, reference.file.sourceCode);
      if (problem !== undefined) return `it is public API written where it is exported (${at(node, reference.file)}), and ${problem} (use --api promise to change the public contract)`;
      continue;
    }
    // `export function f`: called by name in its file and through the module outside, `this` is the same before and after.
    if (site !== undefined && moduleExportStatement(site, contract.fn, reference.file.path, api) !== undefined && info.binding.kind === 'variable') continue;
    if (site === undefined || site.style !== 'commonjs' || site.value.type !== AST_NODE_TYPES.Identifier || info.binding.kind !== 'variable') {
      return `it is public API exported at ${at(node, reference.file)} in a way the callback adapter does not cover yet (use --api promise to change the public contract)`;
    }
  }
  return undefined;
}

/** Why one call of the contract function cannot await it, if it cannot. */
function callProblem(contract: Contract, call: TSESTree.CallExpression, callee: TSESTree.Node, file: ProgramFile): string | undefined {
  const at = `${file.path}:${call.loc.start.line}`;
  if (!isStatementCall(call)) return `the call at ${at} uses what it returns`;
  if (!arityFits(contract.fn, call) || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
    const last = call.arguments.at(-1);
    if (call.arguments.length === contract.fn.params.length - 1 && optionalArguments(contract.fn).shuffled !== undefined && last !== undefined) {
      return `the call at ${at} leaves out an optional argument and passes \`${file.sourceCode.getText(last)}\` last, which may not be the callback (write the callback there, or name it like one)`;
    }
    return `the call at ${at} does not pass every argument`;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && !isRereadable(callee.object)) return `the call at ${at} reaches it through an expression an adapter would evaluate twice`;
  return undefined;
}

/**
 * Whether a reference reaches the function through the callback adapter of
 * its public file's export (another file of the program importing it): such
 * callers keep calling back and nothing changes for them.
 */
export function reachesAdapter(fn: FunctionNode, fnFile: ProgramFile, from: ProgramFile, functions: FunctionIndex, program: Program, api: ApiMode): boolean {
  return api === 'callback' && callsThroughExport(fn, fnFile, from, functions, program);
}

/** Whether a reference from `from` reaches the function through its public file's export, where an adapter stands unless `--api promise`. */
function callsThroughExport(fn: FunctionNode, fnFile: ProgramFile, from: ProgramFile, functions: FunctionIndex, program: Program): boolean {
  return from !== fnFile && program.isPublicFile(fnFile) && functions.referencesOf(fn).some((reference) => reference.kind === 'export');
}

/** What a converted contract function's promise resolves to. */
export function resultShape(results: number): ResultShape {
  return results === 0 ? { kind: 'none' } : results === 1 ? { kind: 'single' } : { kind: 'array', count: results };
}

/** Calls of the plan's contract functions await them directly; other contracts of the program through `promisify`. */
function lookupFor(file: ProgramFile, program: Program, functions: FunctionIndex, chosen: ReadonlyMap<FunctionNode, Contract>, contracts: Contracts, api: ApiMode): ContractCalleeLookup {
  return (call) => {
    const target = functions.resolve(call.callee, file);
    if (target === undefined || !arityFits(target, call)) return undefined;
    const info = functions.infoOf(target);
    if (info !== undefined && reachesAdapter(target, info.file, file, functions, program, api)) return chosen.has(target) ? 'public-adapter' : undefined;
    const planned = chosen.get(target);
    const contract = planned ?? contracts.contractOf(target);
    // Several results: only a function of this plan resolves to their array (promisify would keep the first).
    if (contract === undefined || (contract.results > 1 && planned === undefined)) return undefined;
    return {
      module: '',
      name: contract.name,
      kind: 'error-first',
      result: resultShape(contract.results),
      promise: { kind: planned === undefined ? 'promisify' : 'direct' },
    };
  };
}
