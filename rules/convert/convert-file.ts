import { isTypeScriptFile } from './typescript-file';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { guardedTypeScriptParser as tsParser } from '../parsers/guarded-typescript-parser';
import { Linter } from 'eslint';
import { enclosingFunction, functionName } from '../shared/async-context';
import { visitConversionCandidates } from './conversion-candidates';
import { chainMethodOf } from './chains/then-chain';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REFUSAL_REASONS, type RefusalReason } from './refusal-reasons';
import { lineMap } from './text/line-map';
import { applyEdits } from './text/text-edits';
import { mergeImportEdits } from './rewrite/chain-context';
import { sourceTypeOf } from './program/source-type-of';
import { setContractCallees } from './inference/contract-callees';
import type { NodeApi } from '../knowledge/node-apis';
import type { ConversionResult, Converted, TextEdit } from './types';
import { rememberFilename } from './inference/node-file';

export interface ConversionReportEntry {
  /** 1-based line of the call in the text given to the conversion (whatever pass converted it). */
  readonly line: number;
  readonly callee: string;
  readonly outcome: 'converted' | 'refused';
  readonly reason?: RefusalReason;
  readonly reasonText?: string;
  readonly notes?: readonly string[];
}

export interface FileConversion {
  readonly text: string;
  readonly report: readonly ConversionReportEntry[];
  /** Set when the input does not parse (nothing converted). */
  readonly parseError?: string;
}

interface Found {
  readonly line: number;
  readonly callee: string;
  readonly result: ConversionResult;
  /** For a call of a program function that keeps its callback: why it does (see FileConversionOptions.keptFor). */
  readonly kept?: string;
}

const MAX_PASSES = 50;

export interface FileConversionOptions {
  /**
   * For the text of a pass: calls of the program's converted contract
   * functions, by `start:end` range, as knowledge-table entries.
   */
  readonly calleesFor?: (text: string) => ReadonlyMap<string, NodeApi | RefusalReason>;
  /** Convert only those calls (and the pyramids they head): a refactor of one function and its callers. */
  readonly onlyCallees?: boolean;
  /**
   * For the text of a pass: calls of the program's functions that keep their
   * callback, by `start:end` range, with why. Their refusal is reported as
   * `kept-contract` with that text instead of `unknown-api`.
   */
  readonly keptFor?: (text: string) => ReadonlyMap<string, string>;
}

/**
 * Applies every safe conversion to a whole file, pass after pass until
 * nothing more converts (a pass converts non-conflicting calls; a pyramid
 * refused as a whole may convert level by level). Every pass's output is
 * parsed again; a pass whose output would not parse is dropped.
 */
export function convertFileText(text: string, filename = 'file.js', options: FileConversionOptions = {}): FileConversion {
  const converted: ConversionReportEntry[] = [];
  let current = text;
  let refusals: ConversionReportEntry[] = [];
  const unparsable = new Set<string>();
  const broken = new Map<string, ConversionReportEntry>();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const found = analyse(current, filename, options);
    if (typeof found === 'string') return pass === 0 ? { text, report: [], parseError: found } : { text: current, report: [...converted, ...refusals, ...broken.values()] };
    const lineOf = lineMap(text, current);
    refusals = found
      .filter((entry) => entry.result.kind === 'refused')
      .map((entry) => {
        if (entry.kept !== undefined) return { line: lineOf(entry.line), callee: entry.callee, outcome: 'refused', reason: 'kept-contract', reasonText: entry.kept } as const;
        const reason = (entry.result as { reason: RefusalReason }).reason;
        return { line: lineOf(entry.line), callee: entry.callee, outcome: 'refused', reason, reasonText: REFUSAL_REASONS[reason] } as const;
      });
    const chosen = chooseCompatible(found.filter((entry) => !unparsable.has(keyOf(entry))));
    if (chosen.length === 0) break;
    let next = applyAll(current, chosen);
    if (typeof analyse(next, filename) === 'string') {
      // Find the conversions whose output does not parse, report them, and go on without them.
      for (const entry of chosen) {
        if (typeof analyse(applyAll(current, [entry]), filename) !== 'string') continue;
        unparsable.add(keyOf(entry));
        broken.set(keyOf(entry), { line: lineOf(entry.line), callee: entry.callee, outcome: 'refused', reason: 'unparsable', reasonText: REFUSAL_REASONS.unparsable });
      }
      const good = chosen.filter((entry) => !unparsable.has(keyOf(entry))).slice(0, 1);
      if (good.length === 0) continue;
      chosen.splice(0, chosen.length, ...good);
      next = applyAll(current, good);
    }
    for (const entry of chosen) {
      const notes = (entry.result as Converted).notes;
      converted.push({ line: lineOf(entry.line), callee: entry.callee, outcome: 'converted', ...(notes.length > 0 ? { notes } : {}) });
    }
    current = next;
  }
  return { text: current, report: [...converted, ...refusals, ...broken.values()] };
}

function keyOf(entry: Found): string {
  return `${entry.line}\0${entry.callee}`;
}

/** Applies the conversions' edits, with the imports they add merged per module. */
function applyAll(text: string, entries: readonly Found[]): string {
  const edits = entries.flatMap((entry) => (entry.result as Converted).edits);
  return applyEdits(text, [...edits.filter((edit) => !isImportEdit(edit)), ...mergeImportEdits(edits.filter(isImportEdit))]);
}

/**
 * Conversions whose edits do not touch each other. Added imports may share
 * a place (several after the last `require`) but not a local name: two
 * conversions adding `readFile` would declare it twice.
 */
function chooseCompatible(found: readonly Found[]): Found[] {
  const chosen: Found[] = [];
  const importedNames = new Set<string>();
  const owners = new Set<TSESTree.Node>();
  for (const entry of found) {
    if (entry.result.kind !== 'converted') continue;
    // Two conversions in one function could pick the same fresh name (`data2`) for one block: one per function and pass.
    const first = entry.result.calls[0];
    const owner = first === undefined ? undefined : enclosingFunction(first);
    if (owner !== undefined && owners.has(owner)) continue;
    const imports = entry.result.edits.filter(isImportEdit);
    const others = entry.result.edits.filter((edit) => !isImportEdit(edit));
    const names = imports.flatMap(boundNames);
    if (names.some((name) => importedNames.has(name))) continue;
    if (chosen.some((other) => (other.result as Converted).edits.filter((edit) => !isImportEdit(edit)).some((a) => others.some((b) => conflict(a, b))))) continue;
    chosen.push(entry);
    if (owner !== undefined) owners.add(owner);
    for (const name of names) importedNames.add(name);
  }
  return chosen;
}

function isImportEdit(edit: TextEdit): boolean {
  return edit.range[0] === edit.range[1] && /^\n?(?:const \{.*\} = require\(|import \{|, )/.test(edit.text) && !edit.text.includes('await');
}

/** `const { a, b: c } = require(…)` → a, c; `, x as y` → y. */
function boundNames(edit: TextEdit): string[] {
  const inside = /\{([^}]*)\}/.exec(edit.text)?.[1] ?? edit.text.replace(/^,\s*/, '');
  return inside
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+|\s*:\s*/).at(-1) ?? '')
    .filter((name) => name !== '');
}

function conflict(a: TextEdit, b: TextEdit): boolean {
  if (a.range[0] === b.range[0]) return true;
  return a.range[0] < b.range[1] && b.range[0] < a.range[1] || (a.range[0] === a.range[1] && b.range[0] < a.range[0] && a.range[0] < b.range[1]) || (b.range[0] === b.range[1] && a.range[0] < b.range[0] && b.range[0] < a.range[1]);
}

/** The file's absolute path when it is on disk (the CLI's files), else undefined (text converted in memory). */
function onDisk(filename: string): string | undefined {
  const absolute = path.resolve(filename);
  return fs.existsSync(absolute) ? absolute : undefined;
}

/** Every callback call of the text with its conversion or refusal, or the parse error. */
function analyse(text: string, filename: string, options: FileConversionOptions = {}): Found[] | string {
  const found: Found[] = [];
  const collector: TSESLint.RuleModule<never> = {
    meta: { type: 'suggestion', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      rememberFilename(context.sourceCode, filename);
      const callees = options.calleesFor?.(text);
      const kept = options.keptFor?.(text);
      if (callees !== undefined && callees.size > 0) setContractCallees(context.sourceCode, (call) => callees.get(`${call.range[0]}:${call.range[1]}`));
      return visitConversionCandidates(context.sourceCode, undefined, isTypeScriptFile(context.filename), {
        onFunction(fn, result) {
          if (options.onlyCallees === true) return;
          found.push({ line: fn.loc.start.line, callee: `function ${functionName(fn) ?? ''}`.trim(), result });
        },
        onCall(call, result) {
          if (options.onlyCallees === true && callees?.has(`${call.range[0]}:${call.range[1]}`) !== true) return;
          const method = chainMethodOf(call);
          const callee = method === undefined ? context.sourceCode.getText(call.callee).replace(/\s+/g, '') : `.${method}(…) chain`;
          const keptText = result.kind === 'refused' && result.reason === 'unknown-api' ? kept?.get(`${call.range[0]}:${call.range[1]}`) : undefined;
          found.push({ line: call.loc.start.line, callee, result, ...(keptText === undefined ? {} : { kept: keptText }) });
        },
      }, onDisk(filename));
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const config = {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    languageOptions: {
      parser: tsParser,
      sourceType: sourceTypeOf(text, filename),
      parserOptions: { ecmaFeatures: { jsx: /x$/.test(filename) } },
    },
    plugins: { convert: { rules: { all: collector } } },
    rules: { 'convert/all': 'error' },
  } as unknown as Linter.Config;
  // Linter ignores paths outside its working directory: only the name's extension matters here.
  const messages = linter.verify(text, [config], { filename: path.basename(filename) });
  const fatal = messages.find((message) => message.fatal === true);
  return fatal === undefined ? found : `${fatal.line}:${fatal.column} ${fatal.message}`;
}
