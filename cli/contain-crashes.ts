import type { ESLint, Linter } from 'eslint';

/**
 * `lintFiles`, but a file on which a rule (or ESLint itself) throws does not
 * lose the whole run: the batch is linted again file by file, and each file
 * that still throws becomes a result with one fatal message naming the rule,
 * which the CLI prints as a one-line notice like a parse error.
 */
export async function lintContainingCrashes(eslint: ESLint, files: readonly string[]): Promise<ESLint.LintResult[]> {
  // ESLint reads no patterns as the whole working directory: every named file was left out (minified, too large).
  if (files.length === 0) return [];
  try {
    return await eslint.lintFiles([...files]);
  } catch (error) {
    if (files.length === 1) return [crashResult(files[0] as string, error)];
    const results: ESLint.LintResult[] = [];
    for (const file of files) {
      try {
        results.push(...(await eslint.lintFiles([file])));
      } catch (fileError) {
        results.push(crashResult(file, fileError));
      }
    }
    return results;
  }
}

function crashResult(filePath: string, error: unknown): ESLint.LintResult {
  const ruleId = failingRule(error);
  const reason = firstLine(error);
  const message: Linter.LintMessage = {
    ruleId: null,
    fatal: true,
    severity: 2,
    line: 0,
    column: 0,
    message: ruleId === undefined ? `linting failed: ${reason}` : `rule ${ruleId} failed: ${reason}`,
  };
  return {
    filePath,
    messages: [message],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

function failingRule(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { ruleId, message } = error as { ruleId?: unknown; message?: unknown };
  if (typeof ruleId === 'string') return ruleId;
  if (typeof message !== 'string') return undefined;
  // ESLint names the rule on a line of its own: `Rule: "async-guard/no-floating-promise"`.
  const marker = '\nRule: "';
  const start = message.indexOf(marker);
  if (start === -1) return undefined;
  const end = message.indexOf('"', start + marker.length);
  return end === -1 ? undefined : message.slice(start + marker.length, end);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}
