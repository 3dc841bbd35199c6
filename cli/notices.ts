import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint } from 'eslint';

/** A file that could not be linted, told in one line instead of a finding or a stack trace. */
export interface Notice {
  readonly filePath: string;
  readonly text: string;
}

/** ESLint's messages when a file is outside every tsconfig under type-aware linting. */
const NOT_IN_PROJECT = /was not found by the project service|TSConfig does not include this file|not included in (?:any|the) project/i;

export function isOutsideTypeProject(result: ESLint.LintResult): boolean {
  return result.messages.some((message) => message.fatal === true && NOT_IN_PROJECT.test(message.message));
}

/**
 * Splits ESLint's results into findings and notices: parse errors, binary
 * files and files no configuration matched become one-line notices.
 */
export function separateNotices(
  results: readonly ESLint.LintResult[],
  cwd: string,
): { findings: ESLint.LintResult[]; notices: Notice[] } {
  const findings: ESLint.LintResult[] = [];
  const notices: Notice[] = [];
  for (const result of results) {
    const fatal = result.messages.find((message) => message.fatal === true);
    const ignored = result.messages.find((message) => message.ruleId === null && message.severity === 1 && /ignored|no matching configuration/i.test(message.message));
    const relative = path.relative(cwd, result.filePath) || result.filePath;
    if (fatal !== undefined) {
      const text = looksBinary(result.filePath)
        ? `${relative}: binary file, not JavaScript or TypeScript: skipped`
        : `${relative}:${fatal.line ?? 0}:${fatal.column ?? 0}: ${fatal.message.replace(/\s+/g, ' ').trim()} (file skipped)`;
      notices.push({ filePath: result.filePath, text });
      continue;
    }
    if (ignored !== undefined && result.messages.length === 1) {
      notices.push({ filePath: result.filePath, text: `${relative}: not a JavaScript or TypeScript file (or ignored): skipped` });
      continue;
    }
    findings.push(result);
  }
  return { findings, notices };
}

function looksBinary(filePath: string): boolean {
  try {
    const handle = fs.openSync(filePath, 'r');
    try {
      const buffer = Buffer.alloc(8000);
      const bytes = fs.readSync(handle, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytes).includes(0);
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    return false;
  }
}
