import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import * as ts from 'typescript';
import { guardNesting } from '../../rules/parsers/nesting-guard';

/** Source files kept for incremental updates: the files being typed in. */
const KEPT_FILES = 4;

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = { '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX };

/**
 * typescript-eslint's parser for the editor's syntactic pass, given a
 * TypeScript source file updated from the previous version of the same file,
 * the way tsserver updates one on each keystroke: TypeScript re-parses around
 * the edit and reuses the rest. typescript-eslint accepts a source file in
 * place of the text and converts it as it would have converted its own, so
 * the rules see the same tree (test/server/incremental-typescript-parser.test.ts
 * compares the two on real files). Anything else (JavaScript, type-aware
 * parsing) goes to typescript-eslint as text.
 */
export function createIncrementalTypeScriptParser() {
  const kept = new Map<string, ts.SourceFile>();
  return {
    meta: { name: 'async-guard/incremental-typescript-parser' },
    parseForESLint: guardNesting((code: string, options: Linter.ParserOptions = {}): Linter.ESLintParseResult => {
      const filePath: unknown = options.filePath;
      const kind = typeof filePath === 'string' ? SCRIPT_KINDS[path.extname(filePath).toLowerCase()] : undefined;
      const typed = options.project != null || options.projectService != null || options.programs != null;
      if (typeof filePath !== 'string' || kind === undefined || typed) return tsParser.parseForESLint(code, options) as unknown as Linter.ESLintParseResult;
      const previous = kept.get(filePath);
      const sourceFile =
        previous === undefined || !sameSettings(previous, options, filePath)
          ? createSourceFile(code, options, filePath, kind)
          : ts.updateSourceFile(previous, code, changeBetween(previous.text, code));
      kept.delete(filePath);
      const result = tsParser.parseForESLint(sourceFile, options) as unknown as Linter.ESLintParseResult;
      // Kept only once it parsed, and as the newest: the oldest file goes first.
      kept.set(filePath, sourceFile);
      if (kept.size > KEPT_FILES) kept.delete(kept.keys().next().value as string);
      return result;
    }),
  } satisfies Linter.Parser;
}

/** What typescript-estree's own `createSourceFile` would build from the text (no project: no JSDoc). */
function createSourceFile(code: string, options: Linter.ParserOptions, filePath: string, kind: ts.ScriptKind): ts.SourceFile {
  return ts.createSourceFile(
    filePath,
    code,
    {
      languageVersion: ts.ScriptTarget.Latest,
      jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
      setExternalModuleIndicator: isModule(options, filePath) ? markModule : undefined,
    },
    /* setParentNodes */ true,
    kind,
  );
}

function markModule(file: ts.SourceFile): void {
  (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = true;
}

function isModule(options: Linter.ParserOptions, filePath: string): boolean {
  return options.sourceType === 'module' || (options.sourceType == null && /\.m[jt]s$/i.test(filePath));
}

/** An update keeps the source file's settings: a file whose source type changed starts over. */
function sameSettings(previous: ts.SourceFile, options: Linter.ParserOptions, filePath: string): boolean {
  return (previous as { setExternalModuleIndicator?: unknown }).setExternalModuleIndicator === (isModule(options, filePath) ? markModule : undefined);
}

/** The one span that differs between the two texts (common prefix and suffix left out). */
function changeBetween(before: string, after: string): ts.TextChangeRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return ts.createTextChangeRange(ts.createTextSpan(start, endBefore - start), endAfter - start);
}
