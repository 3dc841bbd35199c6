import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { createIncrementalTypeScriptParser } from '../../extension/server/incremental-typescript-parser';
import { REPO_ROOT } from './lsp-test-client';
import { parsedTree, random, typingEdits } from './typing-edits';

const OPTIONS = { range: true, loc: true, tokens: true, comment: true, preserveNodeMaps: false, ecmaVersion: 'latest', sourceType: 'module' } as const;

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
      for (const version of [text, ...typingEdits(text, next)]) {
        const options = { ...OPTIONS, filePath: file };
        assert.equal(
          parsedTree(() => parser.parseForESLint(version, options)),
          parsedTree(() => tsParser.parseForESLint(version, options)),
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
        parsedTree(() => parser.parseForESLint(module, options)),
        parsedTree(() => tsParser.parseForESLint(module, options)),
        sourceType,
      );
    }
  });

  it('leaves JavaScript and type-aware parses to typescript-eslint as text', () => {
    const parser = createIncrementalTypeScriptParser();
    const options = { ...OPTIONS, filePath: path.join(REPO_ROOT, 'x.js') };
    assert.equal(
      parsedTree(() => parser.parseForESLint('let x = 1;', options)),
      parsedTree(() => tsParser.parseForESLint('let x = 1;', options)),
    );
  });
});
