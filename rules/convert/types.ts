import type { TSESTree } from '@typescript-eslint/utils';
import type { RefusalReason } from './refusal-reasons';

/** A replacement of a range of the original text; an insertion when the range is empty. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface Converted {
  readonly kind: 'converted';
  /** Disjoint edits of the original text. */
  readonly edits: readonly TextEdit[];
  /** What changed besides the syntax, for the suggestion text and the report. */
  readonly notes: readonly string[];
  /** The callback calls turned into `await`s, outermost first. */
  readonly calls: readonly TSESTree.Node[];
}

export interface Refused {
  readonly kind: 'refused';
  readonly reason: RefusalReason;
}

export type ConversionResult = Converted | Refused;

export function refuse(reason: RefusalReason): Refused {
  return { kind: 'refused', reason };
}
