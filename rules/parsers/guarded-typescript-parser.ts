import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { guardNesting } from './nesting-guard';

/** typescript-eslint's parser behind the nesting checks (see nesting-guard.ts): the CLI's and the editor's parser for TypeScript. */
export const guardedTypeScriptParser = {
  meta: { name: 'async-guard/typescript-parser' },
  parseForESLint: guardNesting((code, options) => tsParser.parseForESLint(code, options) as unknown as Linter.ESLintParseResult),
} satisfies Linter.Parser;
