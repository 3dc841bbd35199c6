import type { TSESLint } from '@typescript-eslint/utils';
import type { TextEdit } from '../types';

/**
 * Edit order: by position; at the same point, whole-line insertions (an
 * added import before a function made `async`) go first, so the two
 * inserts never interleave into `async import …`.
 */
export function compareEdits(a: TextEdit, b: TextEdit): number {
  return a.range[0] - b.range[0] || lineInsertionRank(a) - lineInsertionRank(b) || a.range[1] - b.range[1];
}

function lineInsertionRank(edit: TextEdit): number {
  return edit.range[0] === edit.range[1] && edit.text.endsWith('\n') ? 0 : 1;
}

/** The original text of `range` with the edits lying inside it applied. */
export function renderRange(text: string, range: readonly [number, number], edits: readonly TextEdit[]): string {
  const inside = edits
    .filter((edit) => edit.range[0] >= range[0] && edit.range[1] <= range[1])
    .sort(compareEdits);
  let out = '';
  let position = range[0];
  for (const edit of inside) {
    if (edit.range[0] < position) throw new Error('overlapping conversion edits');
    out += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return out + text.slice(position, range[1]);
}

/** Applies disjoint edits to a whole text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return renderRange(text, [0, text.length], edits);
}

/**
 * A RuleFixer whose fixes are plain edits, so the fixes planned by
 * shared helpers (`planImport`) become part of a pure conversion.
 */
export const editFixer: TSESLint.RuleFixer = {
  insertTextAfter: (node, text) => ({ range: [node.range[1], node.range[1]], text }),
  insertTextAfterRange: (range, text) => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (node, text) => ({ range: [node.range[0], node.range[0]], text }),
  insertTextBeforeRange: (range, text) => ({ range: [range[0], range[0]], text }),
  remove: (node) => ({ range: node.range, text: '' }),
  removeRange: (range) => ({ range, text: '' }),
  replaceText: (node, text) => ({ range: node.range, text }),
  replaceTextRange: (range, text) => ({ range, text }),
};
