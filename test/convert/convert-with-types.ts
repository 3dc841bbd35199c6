import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as ts from 'typescript';
import { preferAsyncAwait } from '../../rules/prefer-async-await';

const RULE_PLUGIN = { rules: { 'prefer-async-await': preferAsyncAwait } } as unknown as NonNullable<Linter.Config['plugins']>[string];

/**
 * The conversion with types, as the editor offers it (the CLI's `--convert`
 * has no types): `prefer-async-await`'s suggestions, applied one at a time to
 * `file` on disk, with a program of `files` (the file included) built anew
 * after each change. Returns the final text (also left in `file`).
 */
export function convertWithTypes(file: string, files: readonly string[], options: ts.CompilerOptions): string {
  // ESLint lints only files below its working directory.
  const linter = new Linter({ configType: 'flat', cwd: path.dirname(file) });
  let current = fs.readFileSync(file, 'utf8');
  for (let pass = 0; pass < 10; pass += 1) {
    const program = ts.createProgram([...files], options);
    const messages = linter.verify(
      current,
      [
        {
          files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
          plugins: { 'async-guard': RULE_PLUGIN },
          rules: { 'async-guard/prefer-async-await': 'error' },
          languageOptions: { parser: tsParser, parserOptions: { programs: [program] } },
        },
      ],
      { filename: file },
    );
    const fix = messages.find((message) => message.suggestions !== undefined && message.suggestions.length > 0)?.suggestions?.[0]?.fix;
    if (fix === undefined) break;
    current = current.slice(0, fix.range[0]) + fix.text + current.slice(fix.range[1]);
    fs.writeFileSync(file, current);
  }
  return current;
}
