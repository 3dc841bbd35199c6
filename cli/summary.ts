import type { ESLint } from 'eslint';

interface RuleCounts {
  errors: number;
  warnings: number;
  fixable: number;
  suggestions: number;
}

/** A per-rule table: findings by severity, how many `--fix` would fix, how many carry suggestions. */
export function formatSummary(results: readonly ESLint.LintResult[]): string {
  const byRule = new Map<string, RuleCounts>();
  for (const result of results) {
    for (const message of result.messages) {
      if (message.ruleId === null) continue;
      const counts = byRule.get(message.ruleId) ?? { errors: 0, warnings: 0, fixable: 0, suggestions: 0 };
      if (message.severity === 2) counts.errors++;
      else counts.warnings++;
      if (message.fix !== undefined) counts.fixable++;
      if ((message.suggestions?.length ?? 0) > 0) counts.suggestions++;
      byRule.set(message.ruleId, counts);
    }
  }
  const header = ['rule', 'errors', 'warnings', 'fixable', 'with suggestions'];
  const rows = [...byRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, counts]) => [rule, counts.errors, counts.warnings, counts.fixable, counts.suggestions].map(String));
  const total = [...byRule.values()].reduce(
    (sum, counts) => ({
      errors: sum.errors + counts.errors,
      warnings: sum.warnings + counts.warnings,
      fixable: sum.fixable + counts.fixable,
      suggestions: sum.suggestions + counts.suggestions,
    }),
    { errors: 0, warnings: 0, fixable: 0, suggestions: 0 },
  );
  rows.push(['total', total.errors, total.warnings, total.fixable, total.suggestions].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
