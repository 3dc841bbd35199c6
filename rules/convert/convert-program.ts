import * as path from 'node:path';
import { convertFileText, type ConversionReportEntry } from './convert-file';
import { inferContracts } from './inference/contracts';
import { adapterEdits, callerLookup, convertedFunctions } from './plan/adapters';
import { planContracts, type ApiMode, type ContractRefusal, type PlannedContract } from './plan/contract-plan';
import { analyseProgramFile } from './program/analyse-file';
import { createProgram, resolveSpecifierPath, type Program, type ProgramFile } from './program/program';
import { publicFiles, relativeSpecifiers } from './program/public-files';
import { unwrapMain, wrapInMain } from './plan/top-level-main';
import { convertInAwaitWraps } from './plan/await-wraps';
import { applyEdits } from './text/text-edits';
import type { NodeApi } from '../knowledge/node-apis';

export interface ProgramConversionOptions {
  readonly api?: ApiMode;
  /**
   * Convert one function (the contract declared at this line of this file,
   * 1-based) with the functions connected to it and their callers, and
   * nothing else: the editor's refactor.
   */
  readonly focus?: { readonly file: string; readonly line: number };
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
  const plan = planContracts(program, inferContracts(program), api, undefined, focus === undefined ? undefined : (contract) => contract.file.path === focus.file && contract.fn.loc.start.line === focus.line);
  const levelOne = (): ProgramConversion => {
    const reports = new Map<string, readonly ConversionReportEntry[]>();
    const texts = new Map(inputs);
    for (const file of files) {
      const conversion = convertFileText(file.sourceCode.text, file.path);
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
  const afterBodies = programOf(texts);
  if (afterBodies === undefined) return withoutPlan('the converted functions would not parse');

  const imported = new Set(files.flatMap((file) => relativeSpecifiers(file.sourceCode.text).flatMap((specifier) => resolvePath(file.path, specifier) ?? [])));

  // Level one, with calls of converted functions awaiting them.
  const reports = new Map<string, readonly ConversionReportEntry[]>();
  for (const file of files) {
    // Asked once per pass text (the passes of convertFileText, the main() wrapper): each answer rebuilds the program's index.
    const lookups = new Map<string, ReturnType<typeof callerLookup>>();
    const calleesFor = (text: string): ReturnType<typeof callerLookup> => {
      const known = lookups.get(text);
      if (known !== undefined) return known;
      const current = new Map(texts);
      current.set(file.path, text);
      const program = programOf(current);
      const programFile = program?.files.find((candidate) => candidate.path === file.path);
      const lookup = program === undefined || programFile === undefined ? new Map<string, NodeApi>() : callerLookup(program, programFile, convertedFunctions(program, plan.planned), api);
      lookups.set(text, lookup);
      return lookup;
    };
    const text = texts.get(file.path) ?? '';
    const onlyCallees = focus !== undefined;
    let conversion = convertFileText(text, file.path, { calleesFor, onlyCallees });
    const current = analyse(file.path, text);
    const wrapped = current === undefined ? undefined : wrapInMain(current, calleesFor(text));
    if (wrapped !== undefined) {
      const inMain = convertFileText(wrapped.text, file.path, { calleesFor, onlyCallees });
      if (inMain.report.some((entry) => entry.outcome === 'converted' && entry.line === wrapped.line && entry.callee === wrapped.callee)) {
        // An ES module nothing imports awaits at its top level; TypeScript's `import` may compile to CommonJS, where it cannot.
        const esm = current?.module === true && !/\.(?:ts|tsx|cts)$/.test(file.path);
        const topLevel = esm && !imported.has(file.path) ? unwrapMain(file.path, inMain.text, wrapped.name) : undefined;
        conversion = topLevel === undefined ? inMain : { ...inMain, text: topLevel };
      }
    }
    conversion = convertInAwaitWraps(conversion, {
      parse: (next) => analyse(file.path, next),
      calleesFor,
      convert: (next) => convertFileText(next, file.path, { calleesFor, onlyCallees }),
    });
    texts.set(file.path, conversion.text);
    reports.set(file.path, conversion.report);
  }

  // Adapters for the callers left.
  const final = programOf(texts);
  if (final === undefined) return withoutPlan('the converted callers would not parse');
  const converted = convertedFunctions(final, plan.planned);
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

/** A file name relative to `base`, for reports. */
export function shortName(file: string, base: string): string {
  return path.relative(base, file) || file;
}
