import type { Rule } from 'eslint';

/** Applies fixes that do not touch each other, in one pass (ESLint's rule: a fix starting where the last ended waits for the next pass). */
export function applyNonOverlapping(text: string, fixes: Rule.Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let lastEnd = -1;
  for (const fix of sorted) {
    if (fix.range[0] <= lastEnd) continue;
    output += text.slice(Math.max(lastEnd, 0), fix.range[0]) + fix.text;
    lastEnd = fix.range[1];
  }
  return output + text.slice(Math.max(lastEnd, 0));
}
