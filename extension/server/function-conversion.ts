import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Position, type WorkspaceEdit } from 'vscode-languageserver/node';
import { convertProgramTexts } from '../../rules/convert/convert-program';
import { forEachSourceFile } from '../../rules/convert/program/source-files';
import type { ApiMode } from '../../rules/convert/plan/contract-plan';
import { documentFile } from './document-files';

/** A module's or a small application's sources; a bigger folder gets no refactor (not every caller could be seen in time). */
const MAX_FILES = 300;
const MAX_FILE_BYTES = 400_000;
const MAX_TOTAL_BYTES = 3_000_000;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out']);
/** A line that may declare a function with parameters: `function f(a, cb)`, `f(a, cb) {`, `(a, cb) =>`. */
const FUNCTION_HEADER = /(?:\bfunction\b[^(]*|[\w$]\s*|=\s*(?:async\s*)?)\([^()]*[\w$]\s*\)\s*(?:\{|=>)|[\w$]+\s*=>/;

export interface FunctionConversionRequest {
  readonly document: TextDocument;
  readonly position: Position;
  /** Workspace folder paths: the program is the folder holding the document (or the document's own folder). */
  readonly roots: readonly string[];
  /** The text of an open document, which wins over the file on disk. */
  readonly openText: (filePath: string) => string | undefined;
  readonly versionOf: (filePath: string) => number | null;
  readonly api: ApiMode;
  readonly deferSyncCallbacks?: boolean;
  readonly documentChanges: boolean;
}

/**
 * "Convert 'name' to async/await" on the line declaring a function with an
 * error-first contract: the function, the functions connected to it and
 * their callers, across the files of the workspace folder, as one
 * workspace edit. Undefined when the line declares no such function.
 */
export function functionConversionAction(request: FunctionConversionRequest): CodeAction | undefined {
  const { document, position } = request;
  const file = documentFile(document);
  if (!file.isFile) return undefined;
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  if (!FUNCTION_HEADER.test(line)) return undefined;
  // The function's contract must show in its own file before the folder is read for its callers.
  const focus = { file: file.filePath, line: position.line + 1 };
  const alone = convertProgramTexts(new Map([[file.filePath, document.getText()]]), { api: request.api, focus, deferSyncCallbacks: request.deferSyncCallbacks === true });
  if (!alone.contracts.some((contract) => contract.line === focus.line)) return undefined;
  const root = request.roots.find((candidate) => file.filePath.startsWith(candidate + path.sep)) ?? path.dirname(file.filePath);
  const inputs = programFiles(root, file.filePath, request.openText);
  if (inputs === undefined) return undefined;
  const result = convertProgramTexts(inputs, { api: request.api, focus, deferSyncCallbacks: request.deferSyncCallbacks === true });
  const focused = result.contracts.find((contract) => contract.file === file.filePath && contract.line === position.line + 1);
  if (focused === undefined) return undefined;
  const changed = [...result.texts].filter(([filePath, text]) => text !== inputs.get(filePath));
  const others = changed.filter(([filePath]) => filePath !== file.filePath).length;
  const title = `Convert '${focused.name}' to async/await${others > 0 ? ` (and its callers in ${others} other file${others === 1 ? '' : 's'})` : ''}`;
  return { title, kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit(changed, inputs, request) };
}

/** Every source file under `root` (the document's text as open), or undefined when there are too many to see every caller. */
function programFiles(root: string, documentPath: string, openText: (filePath: string) => string | undefined): Map<string, string> | undefined {
  const inputs = new Map<string, string>();
  let bytes = 0;
  let tooMany = false;
  forEachSourceFile(root, SKIPPED_FOLDERS, (full) => {
    if (full.endsWith('.d.ts')) return true;
    const text = openText(full) ?? readSmall(full);
    if (text !== undefined) inputs.set(full, text);
    bytes += text?.length ?? 0;
    tooMany = inputs.size > MAX_FILES || bytes > MAX_TOTAL_BYTES;
    return !tooMany;
  });
  if (tooMany) return undefined;
  const own = openText(documentPath);
  if (own !== undefined) inputs.set(documentPath, own);
  return inputs;
}

function readSmall(file: string): string | undefined {
  try {
    return fs.statSync(file).size > MAX_FILE_BYTES ? undefined : fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Each changed file replaced whole, versioned for open documents (`null`: a file on disk) when the client takes `documentChanges`. */
function workspaceEdit(changed: readonly (readonly [string, string])[], inputs: ReadonlyMap<string, string>, request: FunctionConversionRequest): WorkspaceEdit {
  const edits = changed.map(([filePath, text]) => {
    const before = inputs.get(filePath) ?? '';
    const lines = before.split('\n');
    const end = { line: lines.length - 1, character: (lines.at(-1) ?? '').length };
    return { uri: pathToFileURL(filePath).toString(), filePath, edit: { range: { start: { line: 0, character: 0 }, end }, newText: text } };
  });
  if (request.documentChanges) {
    return { documentChanges: edits.map(({ uri, filePath, edit }) => ({ textDocument: { uri, version: request.versionOf(filePath) }, edits: [edit] })) };
  }
  return { changes: Object.fromEntries(edits.map(({ uri, edit }) => [uri, [edit]])) };
}
