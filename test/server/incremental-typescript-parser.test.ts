import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { createIncrementalTypeScriptParser } from '../../extension/server/incremental-typescript-parser';
import { REPO_ROOT } from './lsp-test-client';

const OPTIONS = { range: true, loc: true, tokens: true, comment: true, preserveNodeMaps: false, ecmaVersion: 'latest', sourceType: 'module' } as const;

/** The tree, tokens and comments as text (parents left out), or the parse error. */
function parsed(parse: () => unknown): string {
  try {
    const { ast } = parse() as Linter.ESLintParseResult;
    return JSON.stringify(ast, (key, value: unknown) => (key === 'parent' ? undefined : value));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Edits like typing: a character, a word, a deleted span, a pasted line, a half-typed construct and its completion. */
function edits(text: string, next: () => number): string[] {
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

const files = ['rules', 'extension/server', 'cli', 'test/rules']
  .flatMap((folder) => fs.readdirSync(path.join(REPO_ROOT, folder)).filter((name) => name.endsWith('.ts')).map((name) => path.join(REPO_ROOT, folder, name)))
  .slice(0, 40);

describe('incremental TypeScript parser: the same tree as a fresh parse', () => {
  it('has files to edit', () => assert.ok(files.length >= 20, `${files.length} files`));

  it('gives every version of each edited file the tree, tokens, comments and errors of a fresh parse', () => {
    const parser = createIncrementalTypeScriptParser();
    const next = random(7);
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const version of [text, ...edits(text, next)]) {
        const options = { ...OPTIONS, filePath: file };
        assert.equal(
          parsed(() => parser.parseForESLint(version, options)),
          parsed(() => tsParser.parseForESLint(version, options)),
          `${path.relative(REPO_ROOT, file)} after ${compared} versions`,
        );
        compared++;
      }
    }
    assert.ok(compared > 200, `${compared} versions compared`);
  });

  it('starts over when the source type changes, and reads .tsx as TSX', () => {
    const parser = createIncrementalTypeScriptParser();
    const filePath = path.join(REPO_ROOT, 'x.tsx');
    const module = 'const a = <div>{await b}</div>;\n';
    for (const sourceType of ['module', 'script', 'module'] as const) {
      const options = { ...OPTIONS, sourceType, filePath, ecmaFeatures: { jsx: true } };
      assert.equal(
        parsed(() => parser.parseForESLint(module, options)),
        parsed(() => tsParser.parseForESLint(module, options)),
        sourceType,
      );
    }
  });

  it('leaves JavaScript and type-aware parses to typescript-eslint as text', () => {
    const parser = createIncrementalTypeScriptParser();
    const options = { ...OPTIONS, filePath: path.join(REPO_ROOT, 'x.js') };
    assert.equal(
      parsed(() => parser.parseForESLint('let x = 1;', options)),
      parsed(() => tsParser.parseForESLint('let x = 1;', options)),
    );
  });
});
