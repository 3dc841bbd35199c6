import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const LINTED_LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact']);

const EXTENSION_BY_LANGUAGE: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};
const LINTED_EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;

export interface DocumentFile {
  /** The path ESLint and TypeScript see: real for `file:` documents, made up (but with the right extension) for others. */
  filePath: string;
  /** A real file on disk: type information and the project's ESLint config may apply. */
  isFile: boolean;
}

export function documentFile(document: TextDocument): DocumentFile {
  const extension = EXTENSION_BY_LANGUAGE[document.languageId] ?? '.js';
  if (document.uri.startsWith('file:')) {
    const filePath = fileURLToPath(document.uri);
    return { filePath: LINTED_EXTENSIONS.test(filePath) ? filePath : filePath + extension, isFile: LINTED_EXTENSIONS.test(filePath) };
  }
  // untitled:Untitled-1, vscode-notebook-cell:…: a stable made-up absolute path.
  const name = document.uri.replace(/[^\w.-]+/g, '_');
  return { filePath: path.resolve('/', '__async-guard__', name + extension), isFile: false };
}
