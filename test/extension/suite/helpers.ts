import * as vscode from 'vscode';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'async-guard');
}

/** Opens a file in an editor and waits for our diagnostics (at least `count`). */
export async function openWithDiagnostics(name: string, count = 1): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = workspaceFile(name);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostics = await waitFor(`${count} diagnostics in ${name}`, () => {
    const found = ourDiagnostics(uri);
    return found.length >= count ? found : undefined;
  });
  return { editor, diagnostics };
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction | undefined): Promise<void> {
  if (action === undefined) throw new Error('no such code action');
  if (action.edit !== undefined) await vscode.workspace.applyEdit(action.edit);
  if (action.command !== undefined) await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
}

export async function waitForText(document: vscode.TextDocument, expected: string): Promise<void> {
  await waitFor(`the text of ${document.uri.path}`, () => (document.getText() === expected ? true : undefined), 15_000).catch(() => {
    throw new Error(`text differs:\n--- expected\n${expected}\n--- actual\n${document.getText()}`);
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}
