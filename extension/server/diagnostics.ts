import type { Linter } from 'eslint';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';
import { ruleDocsUrl, shortRuleName, type LintPlugin } from './plugin-shape';

/** Data carried on each diagnostic so a code action request finds the problem it came from. */
export interface ProblemKey {
  /** Index into the problems of the document version the diagnostic was made for. */
  index: number;
  version: number;
}

/** ESLint's 1-based lines and columns (UTF-16 units, like LSP) as an LSP range. */
export function messageRange(message: Linter.LintMessage): Range {
  const start = { line: message.line - 1, character: message.column - 1 };
  const end =
    message.endLine === undefined || message.endColumn === undefined
      ? start
      : { line: message.endLine - 1, character: message.endColumn - 1 };
  return { start, end };
}

export function toDiagnostic(plugin: LintPlugin, message: Linter.LintMessage, key: ProblemKey): Diagnostic {
  const ruleName = shortRuleName(message.ruleId);
  const href = ruleName === undefined ? undefined : ruleDocsUrl(plugin, ruleName);
  return {
    range: messageRange(message),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: message.message,
    ...(ruleName === undefined ? {} : { code: ruleName }),
    ...(href === undefined ? {} : { codeDescription: { href } }),
    data: key,
  };
}

/** Only our plugin's problems: a project config may turn on other plugins, which their own tools report. */
export function ownProblems(messages: Linter.LintMessage[]): Linter.LintMessage[] {
  return messages.filter((message) => shortRuleName(message.ruleId) !== undefined);
}
