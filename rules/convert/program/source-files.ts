import * as fs from 'node:fs';
import * as path from 'node:path';

/** JavaScript and TypeScript sources, by name. */
export const SOURCE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;

/**
 * Each source file under `root`, folders first read last, skipping hidden
 * folders (tools' copies such as `.vscode-test`, `.git`) and those `skip`
 * names. `visit` returning false stops the walk; so does a folder that
 * cannot be read (it is left out).
 */
export function forEachSourceFile(root: string, skip: ReadonlySet<string>, visit: (file: string) => boolean): void {
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !skip.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !visit(full)) return;
    }
  }
}
