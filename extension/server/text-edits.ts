import type { Rule } from 'eslint';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver/node';

/** ESLint strips a byte order mark before linting; its fix offsets are relative to the text without it. */
function bomOffset(document: TextDocument): number {
  return document.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
}

export function fixToTextEdit(document: TextDocument, fix: Rule.Fix): TextEdit {
  const offset = bomOffset(document);
  return {
    range: { start: document.positionAt(fix.range[0] + offset), end: document.positionAt(fix.range[1] + offset) },
    newText: fix.text,
  };
}

/**
 * One edit turning the document's text into `newText`: the changed middle only,
 * so markers and the cursor outside it stay where they are.
 */
export function replaceAllEdit(document: TextDocument, newText: string): TextEdit {
  const oldText = document.getText();
  let start = 0;
  while (start < oldText.length && start < newText.length && oldText[start] === newText[start]) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText[oldEnd - 1] === newText[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }
  return {
    range: { start: document.positionAt(start), end: document.positionAt(oldEnd) },
    newText: newText.slice(start, newEnd),
  };
}
