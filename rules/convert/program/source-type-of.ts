/**
 * `.mjs`/`.mts` are modules and `.cjs`/`.cts` CommonJS; other files are
 * modules only when they use import/export syntax, so a CommonJS file
 * without `require` does not get an `import` added.
 */
export function sourceTypeOf(text: string, filename: string): 'module' | 'commonjs' {
  if (/\.m[jt]s$/.test(filename)) return 'module';
  if (/\.c[jt]s$/.test(filename)) return 'commonjs';
  return /^\s*(?:import\s*[\w{*'"]|export\s)/m.test(text) ? 'module' : 'commonjs';
}
