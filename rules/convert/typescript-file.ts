import type { TSESLint } from '@typescript-eslint/utils';

const TYPESCRIPT = /\.[cm]?tsx?$/;

/**
 * Whether the file is TypeScript, read from the TypeScript source file that
 * typescript-eslint's parser keeps (with or without a project). A `catch`
 * variable is `unknown` there, where the callback's error was typed: the
 * conversion writes `catch (err: any)` when the handler uses it.
 */
export function isTypeScriptFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const services = sourceCode.parserServices as { esTreeNodeToTSNodeMap?: { get(node: object): unknown } } | undefined;
  const file = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast) as { fileName?: unknown } | undefined;
  return typeof file?.fileName === 'string' && TYPESCRIPT.test(file.fileName);
}
