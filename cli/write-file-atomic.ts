import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces `file` with `text` so that a process killed half-way (a closed
 * pipe ends the CLI at once, Ctrl-C, a full disk) leaves either the old or the
 * new content, never a truncated file: the text goes to a temporary file
 * beside it, with the same mode, which is then renamed over it.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const { mode } = await fs.promises.stat(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.async-guard-${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(temporary, text, { mode });
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}
