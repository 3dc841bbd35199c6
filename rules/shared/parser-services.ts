import { ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint } from '@typescript-eslint/utils';

/**
 * The type services when the file was parsed with a TypeScript program
 * (`projectService` or `project`), else undefined: every rule also runs
 * without types.
 */
export function getTypeServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | undefined {
  // espree (ESLint's default parser) provides no parser services at all, and
  // getParserServices throws then even when full type information is optional.
  if (context.sourceCode.parserServices?.program == null) return undefined;
  const services = ESLintUtils.getParserServices(context, true);
  return services.program === null ? undefined : (services as ParserServicesWithTypeInformation);
}
