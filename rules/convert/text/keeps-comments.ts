import type { TSESLint } from '@typescript-eslint/utils';
import { refuse, type ConversionResult, type TextEdit } from '../types';

/**
 * The last check of every conversion: each comment inside a replaced range
 * appears in the replacement text as many times as it did before. A layout
 * that would drop one is refused rather than offered.
 */
export function keepingComments(sourceCode: Readonly<TSESLint.SourceCode>, result: ConversionResult): ConversionResult {
  if (result.kind !== 'converted') return result;
  const replaced = result.edits.filter((edit) => edit.range[0] < edit.range[1]);
  const written = result.edits.map((edit) => edit.text).join('\n');
  const needed = new Map<string, number>();
  for (const comment of sourceCode.getAllComments()) {
    if (!replaced.some((edit) => inside(comment.range, edit))) continue;
    const text = sourceCode.text.slice(comment.range[0], comment.range[1]);
    needed.set(text, (needed.get(text) ?? 0) + 1);
  }
  for (const [text, count] of needed) {
    if (written.split(text).length - 1 < count) return refuse('comment-in-callee');
  }
  return result;
}

function inside(range: readonly [number, number], edit: TextEdit): boolean {
  return range[0] >= edit.range[0] && range[1] <= edit.range[1];
}
