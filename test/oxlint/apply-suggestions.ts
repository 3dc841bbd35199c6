import type { ESLint, Rule } from 'eslint';

/**
 * What `oxlint --fix-suggestions` should write, computed with ESLint: each
 * finding's first suggestion applied as if it were its fix, in ESLint's
 * way (in source order, a fix that overlaps or touches the previous one
 * is left), in one pass: oxlint, unlike ESLint's `--fix`, does not lint
 * the fixed text again (run it again for the fixes that overlapped).
 */
export async function applyFirstSuggestions(eslint: ESLint, filePath: string, text: string): Promise<string> {
  const [result] = await eslint.lintText(text, { filePath });
  const fixes = (result?.messages ?? [])
    .map((message) => message.suggestions?.[0]?.fix)
    .filter((fix): fix is Rule.Fix => fix !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (lastEnd >= start || start > end) continue;
    output += text.slice(cursor, start) + fix.text;
    cursor = end;
    lastEnd = end;
  }
  return output + text.slice(cursor);
}
