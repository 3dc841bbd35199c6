const TYPESCRIPT = /\.[cm]?tsx?$/;

/**
 * Whether the file is TypeScript, by the name ESLint lints it under (a
 * processor's code block has its own). A `catch` variable is `unknown` there,
 * where the callback's error was typed: the conversion writes
 * `catch (err: any)` when the handler uses it.
 */
export function isTypeScriptFile(filename: string): boolean {
  return TYPESCRIPT.test(filename);
}
