import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint } from '@typescript-eslint/utils';

/**
 * The type services when the file was parsed with a TypeScript program
 * (`projectService` or `project`), else undefined: every rule also runs
 * without types.
 */
export function getTypeServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | undefined {
  // ESLint's default parser (espree) gives no services at all, and
  // getParserServices throws on that even when allowed to go without types.
  if (context.sourceCode.parserServices?.esTreeNodeToTSNodeMap == null) return undefined;
  const services = ESLintUtils.getParserServices(context, true);
  return services.program === null ? undefined : services;
}
