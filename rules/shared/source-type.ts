import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type SourceType = TSESTree.Program['sourceType'];

const noted = new WeakMap<TSESTree.Program, SourceType>();

/** ESLint's default flat config reads `.cjs` files as CommonJS (a script, to the tree's type); every other file as a module (`.cts` too). */
const COMMONJS_FILE = /\.cjs$/;

/**
 * oxlint reads a file with no `import`, `export` or top-level `await` as a
 * script (and says so in `Program.sourceType`), where ESLint's default
 * configuration reads every file but `.cjs` as a module. So that both
 * engines choose alike (for instance `import` or `require` in a fix), a rule
 * asks `sourceTypeOf`, which gives ESLint's default under oxlint.
 */
export function noteSourceType(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): void {
  const program = context.sourceCode.ast;
  if (noted.has(program)) return;
  const parser = (context.languageOptions as { parser?: { name?: unknown } } | undefined)?.parser;
  const guessedByOxlint = parser?.name === 'oxlint' && program.sourceType === 'script';
  noted.set(program, guessedByOxlint ? (COMMONJS_FILE.test(context.filename) ? 'script' : 'module') : program.sourceType);
}

export function sourceTypeOf(program: TSESTree.Program): SourceType {
  return noted.get(program) ?? program.sourceType;
}
