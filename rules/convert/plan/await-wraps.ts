import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ConversionReportEntry, FileConversion } from '../convert-file';
import type { ProgramFile } from '../program/program';
import { applyEdits } from '../text/text-edits';
import type { TextEdit } from '../types';
import { listensForUncaught, type CalleeLookup } from './awaitable-call';
import { startInPlaceEdits } from './started-in-place';
import { isOnceTimerCallback, timerArrowEdits } from './timer-arrow';

export interface AwaitWrapSteps {
  readonly parse: (text: string) => ProgramFile | undefined;
  readonly calleesFor: (text: string) => CalleeLookup;
  /** The level-one conversion of a text. */
  readonly convert: (text: string) => FileConversion;
}

/** Wrappers inside wrappers wait for the next round, once the outer one has converted. */
const MAX_ROUNDS = 4;

/**
 * After a file's level-one conversion, the callers of contract functions
 * left with no function to await in: top-level statements started in place
 * (started-in-place.ts) and timer arrows with an expression body
 * (timer-arrow.ts). Each is wrapped and the file converted again; a wrapper
 * is kept only when it became async (its call converted), the others are
 * tried again one by one, and those that do not convert are left as they
 * were (their callers keep calling back, through an adapter).
 */
export function convertInAwaitWraps(conversion: FileConversion, steps: AwaitWrapSteps): FileConversion {
  if (listensForUncaught(conversion.text)) return conversion;
  let current = conversion;
  const converted: ConversionReportEntry[] = [];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const file = steps.parse(current.text);
    if (file === undefined) break;
    const callees = steps.calleesFor(current.text);
    const wraps = outermost([...startInPlaceEdits(file, callees), ...timerArrowEdits(file, callees)]);
    const next = wraps.length === 0 ? undefined : convertWrapped(current.text, wraps, steps);
    if (next === undefined) break;
    converted.push(...current.report.filter((entry) => entry.outcome === 'converted'));
    current = next;
  }
  if (current === conversion) return conversion;
  // A timer given the async arrow made here is refused as `callback-shape`: not the user's code, not worth a line.
  const own = (entry: ConversionReportEntry): boolean =>
    entry.outcome === 'refused' && entry.reason === 'callback-shape' && TIMERS.has(entry.callee) &&
    !conversion.report.some((before) => before.line === entry.line && before.callee === entry.callee && before.reason === entry.reason);
  return { text: current.text, report: [...converted, ...current.report.filter((entry) => !own(entry))] };
}

const TIMERS = new Set(['setTimeout', 'setImmediate']);

/** The conversion with every wrap that converts, or undefined when none does. */
function convertWrapped(text: string, wraps: readonly TextEdit[], steps: AwaitWrapSteps): FileConversion | undefined {
  const attempt = (chosen: readonly TextEdit[]): FileConversion | undefined => {
    const wrapped = applyEdits(text, chosen);
    const before = steps.parse(wrapped);
    if (before === undefined) return undefined;
    const after = steps.convert(wrapped);
    const parsed = steps.parse(after.text);
    return parsed !== undefined && asyncWrappers(parsed) - asyncWrappers(before) === chosen.length ? after : undefined;
  };
  const all = attempt(wraps);
  if (all !== undefined || wraps.length === 1) return all;
  let result: FileConversion | undefined;
  const kept: TextEdit[] = [];
  for (const wrap of wraps) {
    const tried = attempt([...kept, wrap]);
    if (tried === undefined) continue;
    kept.push(wrap);
    result = tried;
  }
  return result;
}

function outermost(edits: readonly TextEdit[]): TextEdit[] {
  const inside = (edit: TextEdit, other: TextEdit): boolean => edit !== other && other.range[0] <= edit.range[0] && edit.range[1] <= other.range[1];
  return edits.filter((edit) => !edits.some((other) => inside(edit, other)));
}

/**
 * Async arrows started in place at the top level and async arrows given to
 * a timer. Level one does not move top-level statements nor add timers, so
 * the count grows by one for each wrapper whose call converted.
 */
function asyncWrappers(file: ProgramFile): number {
  const startedInPlace = file.sourceCode.ast.body.filter((statement) =>
    statement.type === AST_NODE_TYPES.ExpressionStatement &&
    statement.expression.type === AST_NODE_TYPES.CallExpression &&
    statement.expression.callee.type === AST_NODE_TYPES.ArrowFunctionExpression &&
    statement.expression.callee.async);
  const timers = file.record.functions.filter((fn) => fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.async && isOnceTimerCallback(fn, file.sourceCode));
  return startedInPlace.length + timers.length;
}
