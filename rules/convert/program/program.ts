import * as path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TraversalRecord } from '../inference/traversal-record';

/** One analysed file of the program. */
export interface ProgramFile {
  /** Absolute path (or the name given for a lone text). */
  readonly path: string;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly record: TraversalRecord;
  readonly typescript: boolean;
  /** `import`/`export` syntax or an `.mjs`/`.mts` name. */
  readonly module: boolean;
}

/**
 * The files a conversion plans over: the paths given to the CLI, or the
 * editor's workspace, or a single file. Linked by relative `require`/`import`.
 */
export interface Program {
  readonly files: readonly ProgramFile[];
  /** The file holding a node of one of the files' trees. */
  readonly fileOf: (node: TSESTree.Node) => ProgramFile;
  /** The program file a relative specifier written in `from` names, if it is one. */
  readonly resolveSpecifier: (from: ProgramFile, specifier: string) => ProgramFile | undefined;
  /** Whether code outside the program may call into this file (package entry points, outside importers). */
  readonly isPublicFile: (file: ProgramFile) => boolean;
}

const EXTENSIONS = ['', '.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.tsx', '.jsx', '/index.js', '/index.ts', '/index.cjs', '/index.mjs'];

export function createProgram(files: readonly ProgramFile[], publicFiles: ReadonlySet<string>): Program {
  const byProgramNode = new Map<TSESTree.Node, ProgramFile>(files.map((file) => [file.sourceCode.ast, file]));
  const byPath = new Map(files.map((file) => [path.resolve(file.path), file]));
  return {
    files,
    fileOf(node) {
      let top: TSESTree.Node = node;
      while (top.parent != null) top = top.parent;
      const file = byProgramNode.get(top);
      if (file === undefined) throw new Error('node outside the program');
      return file;
    },
    resolveSpecifier(from, specifier) {
      const found = resolveSpecifierPath(byPath, from.path, specifier);
      return found === undefined ? undefined : byPath.get(found);
    },
    isPublicFile: (file) => publicFiles.has(path.resolve(file.path)),
  };
}

/** The path among `paths` a relative specifier written in the file `from` names. */
export function resolveSpecifierPath(paths: ReadonlySet<string> | ReadonlyMap<string, unknown>, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return EXTENSIONS.map((extension) => base + extension).find((candidate) => paths.has(candidate));
}
