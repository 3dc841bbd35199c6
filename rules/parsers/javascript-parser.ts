import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import * as espree from 'espree';
import { guardNesting } from './nesting-guard';

type ParseResult = Linter.ESLintParseResult;

/**
 * The parser async-guard reads JavaScript files with (CLI and editor, without
 * type information): espree, ESLint's own parser and the one `recommended`
 * users lint their `.js` files with, several times faster than
 * typescript-eslint on the same code. What espree rejects in the file's
 * source type (a legacy octal `0755` in CommonJS read as a module, a
 * top-level `return`) is tried again as CommonJS, and what espree cannot
 * read at all (TypeScript syntax in a `.js` file) goes to typescript-eslint,
 * so every file that typescript-eslint alone read still parses.
 * With espree's tree ESLint builds the scopes itself, from the same
 * `sourceType` and `ecmaVersion`.
 */
export const javascriptParser = {
  meta: { name: 'async-guard/javascript-parser' },
  parseForESLint: guardNesting(parseJavaScript),
} satisfies Linter.Parser;

function parseJavaScript(code: string, options: Linter.ParserOptions = {}): ParseResult {
  const requested: unknown = options.sourceType;
  const sourceType = requested === 'script' || requested === 'commonjs' ? requested : 'module';
  const filePath: unknown = options.filePath;
  // A `.js` file is a module to ESLint, but old Node.js code is CommonJS: read it so when it is not a valid module.
  const attempts: ('module' | 'script' | 'commonjs')[] = sourceType === 'module' && !(typeof filePath === 'string' && filePath.endsWith('.mjs')) ? ['module', 'commonjs'] : [sourceType];
  for (const attempt of attempts) {
    try {
      const ast = espree.parse(code, {
        ecmaVersion: 'latest',
        sourceType: attempt,
        ecmaFeatures: { jsx: options.ecmaFeatures?.jsx === true, globalReturn: options.ecmaFeatures?.globalReturn === true },
        range: true,
        loc: true,
        tokens: true,
        comment: true,
      }) as unknown as ParseResult['ast'];
      return { ast, visitorKeys: espree.VisitorKeys as ParseResult['visitorKeys'] };
    } catch {
      // the next attempt, then typescript-eslint
    }
  }
  return tsParser.parseForESLint(code, options) as unknown as ParseResult;
}

/**
 * typescript-eslint's options when no type information is asked for: the maps
 * between its tree and TypeScript's serve only the type checker, and building
 * them is a fifth of the parse.
 */
export const SYNTACTIC_PARSER_OPTIONS = { preserveNodeMaps: false } as const satisfies Linter.ParserOptions;

export const JAVASCRIPT_FILES = ['**/*.{js,mjs,cjs,jsx}'];

/** The config block that makes JavaScript files use `javascriptParser` (after a block giving every file typescript-eslint). */
export const javascriptParserConfig: Linter.Config = {
  files: JAVASCRIPT_FILES,
  languageOptions: { parser: javascriptParser, parserOptions: { ecmaFeatures: { jsx: true } } },
};
