import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver/node';

const DIRECTIVE = /^(\s*)\/\/\s*eslint-disable-next-line\s+([^\n]*?)\s*$/;

/**
 * `// eslint-disable-next-line async-guard/<rule>` above the problem's line,
 * with that line's indentation: the comment ESLint itself reads, so CI agrees.
 * When the line above already disables other rules, the rule joins its list.
 */
export function disableNextLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const lines = document.getText().split(/\r?\n/);
  const previous = line > 0 ? lines[line - 1] : undefined;
  const match = previous === undefined ? null : DIRECTIVE.exec(previous);
  if (match !== null && match[2] !== undefined && match[2] !== '' && !match[2].includes('--')) {
    const end = { line: line - 1, character: (previous ?? '').length };
    return { range: { start: end, end }, newText: `, ${ruleId}` };
  }
  const indentation = /^\s*/.exec(lines[line] ?? '')?.[0] ?? '';
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indentation}// eslint-disable-next-line ${ruleId}${eol}` };
}
