import * as path from 'node:path';
import { convertFileText, type ConversionReportEntry, type FileConversion } from './convert-file';
import { inferContracts } from './inference/contracts';
import { adapterEdits, callerLookup, convertedFunctions, severalResultsKept } from './plan/adapters';
import { planContracts, type ApiMode, type ContractRefusal, type PlannedContract } from './plan/contract-plan';
import { analyseProgramFile } from './program/analyse-file';
import { createProgram, resolveSpecifierPath, type Program, type ProgramFile } from './program/program';
import { publicFiles } from './program/public-files';
import { relativeSpecifiers } from './program/relative-specifiers';
import { keptCallers } from './plan/kept-callers';
import { unwrapMain, wrapInMain } from './plan/top-level-main';
import { convertInAwaitWraps } from './plan/await-wraps';
import { declareAtAssignmentEdits, rethrowOnlyTryEdits, needlessReturnEdits } from './rewrite/tidy';
import { lineMap } from './text/line-map';
import { applyEdits } from './text/text-edits';
import type { NodeApi } from '../knowledge/node-apis';
import type { TextEdit } from './types';

export interface ProgramConversionOptions {
  readonly api?: ApiMode;
  /**
   * Convert one function (the contract declared at this line of this file,
   * 1-based) with the functions connected to it and their callers, and
   * nothing else: the editor's refactor.
   */
  readonly focus?: { readonly file: string; readonly line: number };
  /** Functions of several results an earlier run left out, by plan key: why. */
  readonly excluded?: ReadonlyMap<string, string>;
  /** Convert functions that call back synchronously on some paths (inference/contracts.ts); off by default. */
  readonly deferSyncCallbacks?: boolean;
}

export interface ConvertedContract extends PlannedContract {
  /** Files whose text changed for it (its own and its callers'). */
  readonly callers: number;
}

export interface ProgramConversion {
  /** The new text of every file (unchanged ones included). */
  readonly texts: ReadonlyMap<string, string>;
  readonly contracts: readonly ConvertedContract[];
  readonly refusals: readonly ContractRefusal[];
  /** The call-level report per file. */
  readonly reports: ReadonlyMap<string, readonly ConversionReportEntry[]>;
  /** Files that do not parse, with the error: left alone. */
  readonly parseErrors: ReadonlyMap<string, string>;
  /** Set when the contract plan was given up (its output did not parse or could not be adapted): only calls converted. */
  readonly abandoned?: string;
}

/**
 * Converts a program (files linked by relative `require`/`import`): first
 * the contract functions (level two: `async`, no callback parameter), then,
 * pass after pass, every call (level one), with calls of converted
 * functions awaiting them directly; callers that cannot await get adapters.
 * All or nothing: when the result would not parse, only level one runs.
 */
export function convertProgramTexts(inputs: ReadonlyMap<string, string>, options: ProgramConversionOptions = {}): ProgramConversion {
  const api = options.api ?? 'callback';
  const parseErrors = new Map<string, string>();
  const files: ProgramFile[] = [];
  for (const [file, text] of inputs) {
    const analysed = analyseProgramFile(file, text);
    if (typeof analysed === 'string') parseErrors.set(file, analysed);
    else files.push(analysed);
  }
  const paths = new Set(files.map((file) => file.path));
  const resolvePath = (from: string, specifier: string): string | undefined => resolveSpecifierPath(paths, from, specifier);
  const publics = publicFiles(new Map(files.map((file) => [file.path, file.sourceCode.text])), resolvePath);
  const program = createProgram(files, publics);
  const focus = options.focus;
  const plan = planContracts(program, inferContracts(program, undefined, { deferSyncCallbacks: options.deferSyncCallbacks === true }), api, undefined, focus === undefined ? undefined : (contract) => contract.file.path === focus.file && contract.fn.loc.start.line === focus.line, options.excluded);
  const analysed = new Map<string, ProgramFile>();
  const analyse = (file: string, text: string): ProgramFile | undefined => {
    const key = `${file}\0${text}`;
    let found = analysed.get(key);
    if (found === undefined) {
      const result = analyseProgramFile(file, text);
      if (typeof result === 'string') return undefined;
      found = result;
      analysed.set(key, found);
    }
    return found;
  };
  const programOf = (current: ReadonlyMap<string, string>): Program | undefined => {
    const programFiles: ProgramFile[] = [];
    for (const file of files) {
      const programFile = analyse(file.path, current.get(file.path) ?? '');
      if (programFile === undefined) return undefined;
      programFiles.push(programFile);
    }
    return createProgram(programFiles, publics);
  };
  // The program as `base` with one file's text replaced (a pass of the call-level conversion), asked once per text.
  const programsAt = new Map<ReadonlyMap<string, string>, Map<string, { program: Program; file: ProgramFile } | undefined>>();
  const programAt = (base: ReadonlyMap<string, string>, file: string, text: string): { program: Program; file: ProgramFile } | undefined => {
    const known = programsAt.get(base) ?? new Map<string, { program: Program; file: ProgramFile } | undefined>();
    programsAt.set(base, known);
    const key = `${file}\0${text}`;
    if (known.has(key)) return known.get(key);
    const current = new Map(base);
    current.set(file, text);
    const program = programOf(current);
    const programFile = program?.files.find((candidate) => candidate.path === file);
    const found = program === undefined || programFile === undefined ? undefined : { program, file: programFile };
    known.set(key, found);
    return found;
  };
  // Calls of functions that keep their callback, reported with why (only in files that call one at all).
  const keptFor = (base: ReadonlyMap<string, string>, file: ProgramFile): ((text: string) => ReadonlyMap<string, string>) | undefined => {
    if (keptCallers(program, file, plan.refusals).size === 0) return undefined;
    return (text) => {
      const at = programAt(base, file.path, text);
      return at === undefined ? new Map() : keptCallers(at.program, at.file, plan.refusals);
    };
  };
  const levelOne = (): ProgramConversion => {
    const reports = new Map<string, readonly ConversionReportEntry[]>();
    const texts = new Map(inputs);
    for (const file of files) {
      const kept = keptFor(inputs, file);
      const conversion = convertFileText(file.sourceCode.text, file.path, kept === undefined ? {} : { keptFor: kept });
      texts.set(file.path, conversion.text);
      reports.set(file.path, conversion.report);
    }
    return { texts, contracts: [], refusals: plan.refusals, reports, parseErrors };
  };
  // Without a plan: every call converted (the CLI), or nothing at all (the refactor of one function).
  const withoutPlan = (abandoned?: string): ProgramConversion => {
    const result = focus === undefined ? levelOne() : { texts: new Map(inputs), contracts: [], refusals: plan.refusals, reports: new Map(), parseErrors };
    return abandoned === undefined ? result : { ...result, abandoned };
  };
  if (plan.planned.length === 0) return withoutPlan();

  // Level two: the contract functions' bodies.
  const texts = new Map(inputs);
  for (const file of files) texts.set(file.path, applyEdits(file.sourceCode.text, plan.edits.get(file.path) ?? []));
  const afterBodies = programOf(texts);
  if (afterBodies === undefined) return withoutPlan('the converted functions would not parse');

  const imported = new Set(files.flatMap((file) => relativeSpecifiers(file.sourceCode.text).flatMap((specifier) => resolvePath(file.path, specifier) ?? [])));

  // Level one, with calls of converted functions awaiting them.
  const reports = new Map<string, readonly ConversionReportEntry[]>();
  for (const file of files) {
    // Asked once per pass text (the passes of convertFileText, the main() wrapper): each answer rebuilds the program's index.
    const lookups = new Map<string, ReturnType<typeof callerLookup>>();
    const base = new Map(texts);
    const calleesFor = (text: string): ReturnType<typeof callerLookup> => {
      const known = lookups.get(text);
      if (known !== undefined) return known;
      const at = programAt(base, file.path, text);
      const lookup = at === undefined ? new Map<string, NodeApi>() : callerLookup(at.program, at.file, convertedFunctions(at.program, plan.planned), api);
      lookups.set(text, lookup);
      return lookup;
    };
    const kept = keptFor(base, file);
    const text = texts.get(file.path) ?? '';
    const onlyCallees = focus !== undefined;
    const options = { calleesFor, onlyCallees, ...(kept === undefined ? {} : { keptFor: kept }) };
    // Report lines are those of the text the user gave, before the bodies' edits, main() and the other wrappers.
    const input = inputs.get(file.path) ?? '';
    const convert = (from: string): FileConversion => {
      const conversion = convertFileText(from, file.path, options);
      const lineOf = lineMap(input, from);
      return { ...conversion, report: conversion.report.map((entry) => ({ ...entry, line: lineOf(entry.line) })) };
    };
    let conversion = convert(text);
    const current = analyse(file.path, text);
    const wrapped = current === undefined ? undefined : wrapInMain(current, calleesFor(text));
    if (wrapped !== undefined) {
      const inMain = convert(wrapped.text);
      const line = lineMap(input, wrapped.text)(wrapped.line);
      if (inMain.report.some((entry) => entry.outcome === 'converted' && entry.line === line && entry.callee === wrapped.callee)) {
        // An ES module nothing imports awaits at its top level; TypeScript's `import` may compile to CommonJS, where it cannot.
        const esm = current?.module === true && !/\.(?:ts|tsx|cts)$/.test(file.path);
        const topLevel = esm && !imported.has(file.path) ? unwrapMain(file.path, inMain.text, wrapped.name) : undefined;
        conversion = topLevel === undefined ? inMain : { ...inMain, text: topLevel };
      }
    }
    conversion = convertInAwaitWraps(conversion, { parse: (next) => analyse(file.path, next), calleesFor, convert });
    texts.set(file.path, conversion.text);
    reports.set(file.path, conversion.report);
  }

  // Adapters for the callers left, once the converted functions are tidied.
  const leveled = programOf(texts);
  if (leveled === undefined) return withoutPlan('the converted callers would not parse');
  tidyConverted(texts, leveled, plan.planned, programOf);
  const final = programOf(texts);
  if (final === undefined) return withoutPlan('the tidied functions would not parse');
  const converted = convertedFunctions(final, plan.planned);
  const kept = severalResultsKept(final, converted);
  if (kept.size > 0) {
    // Planned again without them: the rest of the plan still converts.
    const excluded = new Map(options.excluded);
    for (const [contract, file] of kept) excluded.set(contract.key, keptDetail(contract, file.path, reports.get(file.path) ?? []));
    return convertProgramTexts(inputs, { ...options, excluded });
  }
  const adapters = adapterEdits(final, converted, api);
  if (typeof adapters === 'string') return withoutPlan(adapters);
  for (const [file, edits] of adapters) texts.set(file, applyEdits(texts.get(file) ?? '', edits));
  if (programOf(texts) === undefined) return withoutPlan('the adapters would not parse');

  const contracts = plan.planned.map((contract): ConvertedContract => ({
    ...contract,
    callers: [...texts].filter(([file, text]) => file !== contract.file && text !== inputs.get(file) && text.includes(contract.name)).length,
  }));
  return { texts, contracts, refusals: plan.refusals, reports, parseErrors };
}

/** Tidying the converted functions (rewrite/tidy.ts), pass by pass, each kept where the file still parses. */
function tidyConverted(texts: Map<string, string>, program: Program, planned: readonly PlannedContract[], programOf: (texts: ReadonlyMap<string, string>) => Program | undefined): void {
  for (const [index, tidy] of [rethrowOnlyTryEdits, declareAtAssignmentEdits, needlessReturnEdits].entries()) {
    const current = index === 0 ? program : programOf(texts);
    if (current === undefined) return;
    const edits = new Map<string, TextEdit[]>();
    for (const fn of convertedFunctions(current, planned).keys()) {
      const file = current.fileOf(fn);
      edits.set(file.path, [...(edits.get(file.path) ?? []), ...tidy(fn, file.sourceCode)]);
    }
    for (const [file, list] of edits) {
      if (list.length === 0) continue;
      const tidied = applyEdits(texts.get(file) ?? '', list);
      if (typeof analyseProgramFile(file, tidied) !== 'string') texts.set(file, tidied);
    }
  }
}

/** Why a function of several results was left out: which caller kept its callback, and why when the report says. */
function keptDetail(contract: PlannedContract, file: string, report: readonly ConversionReportEntry[]): string {
  const refused = report.find((entry) => entry.outcome === 'refused' && (entry.callee === contract.name || entry.callee.endsWith(`.${contract.name}`)));
  const why = refused?.reasonText ?? refused?.reason;
  const where = refused === undefined ? `in ${file}` : `at ${file}:${refused.line}`;
  return `it calls back with several results and a call ${where} keeps its callback${why === undefined ? '' : ` (${why})`}: no adapter hands a callback several results`;
}

/** A file name relative to `base`, for reports. */
export function shortName(file: string, base: string): string {
  return path.relative(base, file) || file;
}
