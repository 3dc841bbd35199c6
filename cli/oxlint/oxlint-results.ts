import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint, Linter } from 'eslint';

/** What `oxlint -f json` prints. */
export interface OxlintReport {
  readonly diagnostics: readonly OxlintDiagnostic[];
}

interface OxlintDiagnostic {
  readonly message: string;
  /** `plugin(rule)`; absent on parse errors and on a JS plugin's crash. */
  readonly code?: string;
  readonly severity: 'warning' | 'error' | 'advice';
  /** Absent when oxlint could not read the file (the path is then in the message). */
  readonly filename?: string;
  /** `offset` and `length` in UTF-8 bytes. */
  readonly labels: readonly { span: { offset: number; length: number } }[];
}

/** oxlint's text for a file it cannot read (not UTF-8, for one): no `filename` then. */
const UNREADABLE = /^Failed to open file (.+) with error /;

/** oxlint's text when a JS plugin's rule throws; the file's other findings are lost with it. */
export const PLUGIN_ERROR = /^Error running JS plugin\./;

/**
 * ESLint's results for these files: one per file, in the given order,
 * positions turned from oxlint's UTF-8 byte offsets into ESLint's 1-based
 * lines and UTF-16 columns.
 */
export function toLintResults(report: OxlintReport, files: readonly string[], cwd: string): ESLint.LintResult[] {
  const byFile = new Map<string, OxlintDiagnostic[]>(files.map((file) => [path.resolve(cwd, file), []]));
  for (const diagnostic of report.diagnostics) {
    const filename = diagnostic.filename ?? UNREADABLE.exec(diagnostic.message)?.[1];
    if (filename === undefined) throw new Error(`oxlint: ${diagnostic.message}`);
    const file = path.resolve(cwd, filename);
    const list = byFile.get(file) ?? [];
    list.push(diagnostic);
    byFile.set(file, list);
  }
  return [...byFile].map(([filePath, diagnostics]) => lintResult(filePath, diagnostics));
}

function lintResult(filePath: string, diagnostics: readonly OxlintDiagnostic[]): ESLint.LintResult {
  const positions = diagnostics.length > 0 ? positionsIn(filePath) : undefined;
  const messages = diagnostics.map((diagnostic) => toMessage(diagnostic, positions)).sort((a, b) => a.line - b.line || a.column - b.column);
  const errors = messages.filter((message) => message.severity === 2);
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: errors.length,
    fatalErrorCount: errors.filter((message) => message.fatal === true).length,
    warningCount: messages.length - errors.length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

function toMessage(diagnostic: OxlintDiagnostic, positions: Positions | undefined): Linter.LintMessage {
  const span = diagnostic.labels[0]?.span;
  const start = positions?.at(span?.offset ?? 0) ?? { line: 1, column: 1 };
  const end = span === undefined ? undefined : positions?.at(span.offset + span.length);
  const rule = /^([^()]+)\((.+)\)$/.exec(diagnostic.code ?? '');
  if (rule === null) {
    // A parse error, or a rule that threw: ESLint would not lint the file either.
    const message = PLUGIN_ERROR.test(diagnostic.message) ? diagnostic.message : `Parsing error: ${diagnostic.message}`;
    return { ruleId: null, fatal: true, severity: 2, message, line: start.line, column: start.column };
  }
  return {
    ruleId: `${rule[1] ?? ''}/${rule[2] ?? ''}`,
    severity: diagnostic.severity === 'error' ? 2 : 1,
    message: diagnostic.message,
    line: start.line,
    column: start.column,
    ...(end === undefined ? {} : { endLine: end.line, endColumn: end.column }),
  };
}

interface Positions {
  at(byteOffset: number): { line: number; column: number };
}

/** ESLint's line breaks. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

function positionsIn(filePath: string): Positions | undefined {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(filePath);
  } catch {
    return undefined;
  }
  const text = buffer.toString('utf8');
  const ascii = buffer.length === text.length;
  // Line starts as UTF-16 indexes and as UTF-8 byte offsets: a column is then counted within its own line only.
  const lineStarts = [0];
  const lineStartBytes = [0];
  let previous = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    const next = match.index + match[0].length;
    lineStarts.push(next);
    lineStartBytes.push((lineStartBytes.at(-1) ?? 0) + (ascii ? next - previous : Buffer.byteLength(text.slice(previous, next))));
    previous = next;
  }
  return {
    at(byteOffset) {
      let low = 0;
      let high = lineStartBytes.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((lineStartBytes[middle] ?? 0) <= byteOffset) low = middle;
        else high = middle - 1;
      }
      const lineByte = lineStartBytes[low] ?? 0;
      const column = ascii ? byteOffset - lineByte : buffer.subarray(lineByte, byteOffset).toString('utf8').length;
      return { line: low + 1, column: column + 1 };
    },
  };
}
