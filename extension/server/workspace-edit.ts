import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';

/**
 * Edits of one document in the form the client declared: `documentChanges`
 * (tied to the version the edits were computed on, so a client refuses them
 * once the text has moved on) when it supports them, else plain `changes`.
 */
export function documentEdit(documentChanges: boolean, document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  return { changes: { [document.uri]: edits } };
}
