import { diffLines } from 'diff';

/**
 * For a 1-based line of `after` (a rewrite of `before`), the line of `before`
 * it stands for: the same line where the text only moved or changed its
 * indentation, else the first line of the part it replaces (or of the line
 * it was inserted before). Reports name lines of the text the user gave,
 * not of an intermediate pass.
 */
export function lineMap(before: string, after: string): (line: number) => number {
  if (before === after) return (line) => line;
  const lines: number[] = [0];
  let beforeLine = 1;
  let replaced: number | undefined;
  for (const change of diffLines(before, after, { ignoreWhitespace: true })) {
    const count = change.count ?? 0;
    if (change.removed) {
      replaced ??= beforeLine;
      beforeLine += count;
    } else if (change.added) {
      for (let index = 0; index < count; index += 1) lines.push(replaced ?? beforeLine);
    } else {
      replaced = undefined;
      for (let index = 0; index < count; index += 1) lines.push(beforeLine + index);
      beforeLine += count;
    }
  }
  return (line) => lines[line] ?? Math.min(line, beforeLine);
}
