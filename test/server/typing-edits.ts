import type { Linter } from 'eslint';

/** The tree, tokens and comments as text (parents left out), or the parse error. */
export function parsedTree(parse: () => unknown): string {
  try {
    const { ast } = parse() as Linter.ESLintParseResult;
    return JSON.stringify(ast, (key, value: unknown) => (key === 'parent' ? undefined : value));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** A deterministic stream of numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Edits like typing: a character, a word, a deleted span, a pasted line, a half-typed construct and its completion. */
export function typingEdits(text: string, next: () => number): string[] {
  const at = () => Math.floor(next() * text.length);
  const versions: string[] = [];
  let current = text;
  const change = (start: number, end: number, insert: string) => {
    current = current.slice(0, start) + insert + current.slice(end);
    versions.push(current);
  };
  const a = at();
  change(a, a, 'x');
  const b = at();
  change(b, b, ' await ');
  const c = at();
  change(c, Math.min(current.length, c + 12), '');
  const d = current.indexOf('\n', at());
  if (d !== -1) change(d, d, '\nconst pasted: Promise<void> = run(() => { /* note */ });');
  const e = current.indexOf('\n', at());
  if (e !== -1) {
    change(e, e, '\nfunction half(');
    change(e + '\nfunction half('.length, e + '\nfunction half('.length, 'a: string) { return a; }');
  }
  change(0, 0, '// edit\n');
  versions.push(text);
  return versions;
}
