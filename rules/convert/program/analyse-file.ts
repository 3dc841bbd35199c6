import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { guardedTypeScriptParser as tsParser } from '../../parsers/guarded-typescript-parser';
import { Linter } from 'eslint';
import { traversalRecorder } from '../inference/traversal-record';
import { isTypeScriptFile } from '../typescript-file';
import type { ProgramFile } from './program';
import { sourceTypeOf } from './source-type-of';

/**
 * Parses one file of a program with ESLint (typescript-eslint's parser and
 * scope manager) and records what its walk showed: code paths, functions,
 * member accesses. A string when the file does not parse.
 */
export function analyseProgramFile(filePath: string, text: string): ProgramFile | string {
  let sourceCode: Readonly<TSESLint.SourceCode> | undefined;
  const recorder = traversalRecorder();
  const collector: TSESLint.RuleModule<never> = {
    meta: { type: 'suggestion', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      sourceCode = context.sourceCode;
      return recorder.listener;
    },
  };
  const sourceType = sourceTypeOf(text, filePath);
  const config = {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    languageOptions: { parser: tsParser, sourceType, parserOptions: { ecmaFeatures: { jsx: /x$/.test(filePath) } } },
    plugins: { program: { rules: { record: collector } } },
    rules: { 'program/record': 'error' },
  } as unknown as Linter.Config;
  // Linter ignores paths outside its working directory: only the name's extension matters here.
  const messages = new Linter({ configType: 'flat' }).verify(text, [config], { filename: path.basename(filePath) });
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined || sourceCode === undefined) return `${fatal?.line ?? 0}:${fatal?.column ?? 0} ${fatal?.message ?? 'not analysed'}`;
  return { path: filePath, sourceCode, record: recorder.record, typescript: isTypeScriptFile(filePath), module: sourceType === 'module' };
}
