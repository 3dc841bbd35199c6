import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Globals only Node.js defines (bundlers shim some, but then the file was written for Node.js first). */
const NODE_GLOBALS: ReadonlySet<string> = new Set(['setImmediate', 'process', 'require', 'module', 'exports', '__dirname', '__filename']);
/** `typeof window` or `typeof process`: the file checks where it runs, so it may run elsewhere. */
const PORTABILITY_CHECKED: ReadonlySet<string> = new Set([...NODE_GLOBALS, 'window', 'document', 'self', 'navigator', 'Deno', 'Bun']);

const filenames = new WeakMap<TSESTree.Program, string>();
const verdicts = new WeakMap<TSESTree.Program, boolean>();
const enginesByFolder = new Map<string, boolean>();

/** The path of the file being converted, for its package.json (absolute paths only). */
export function rememberFilename(sourceCode: SourceCode, filename: string): void {
  filenames.set(sourceCode.ast, filename);
}

/**
 * Whether the file runs on Node.js, so that the conversion may import
 * `node:timers/promises` or `node:util` into it: it imports a Node.js
 * built-in (`fs`, `node:…`); or it uses a global only Node.js has
 * (`setImmediate`, `process`, `require`, `module`, `exports`, `__dirname`,
 * `__filename`) without checking where it runs (`typeof window`); or the
 * nearest package.json declares `engines.node`, again unless the file checks
 * where it runs.
 */
export function runsOnNode(sourceCode: SourceCode): boolean {
  const known = verdicts.get(sourceCode.ast);
  if (known !== undefined) return known;
  const verdict = importsNodeBuiltin(sourceCode.text) || (!checksWhereItRuns(sourceCode) && (usesNodeGlobal(sourceCode) || declaresNodeEngine(filenames.get(sourceCode.ast))));
  verdicts.set(sourceCode.ast, verdict);
  return verdict;
}

function importsNodeBuiltin(text: string): boolean {
  const specifiers = [...text.matchAll(/(?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');
  return specifiers.some((specifier) => specifier.startsWith('node:') || builtinModules.includes(specifier));
}

/** References to globals the file does not declare: unresolved ones, and configured globals (which have no definitions). */
function globalReferences(sourceCode: SourceCode): TSESLint.Scope.Reference[] {
  const global = sourceCode.scopeManager?.globalScope;
  if (global == null) return [];
  const configured = global.variables.filter((variable) => variable.defs.length === 0).flatMap((variable) => variable.references);
  return [...global.through, ...configured];
}

function usesNodeGlobal(sourceCode: SourceCode): boolean {
  return globalReferences(sourceCode).some((reference) => NODE_GLOBALS.has(reference.identifier.name));
}

function checksWhereItRuns(sourceCode: SourceCode): boolean {
  return globalReferences(sourceCode).some((reference) => {
    const parent = reference.identifier.parent;
    return PORTABILITY_CHECKED.has(reference.identifier.name) && parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof';
  });
}

/** The nearest package.json above the file has `engines.node`. */
function declaresNodeEngine(filename: string | undefined): boolean {
  if (filename === undefined || !path.isAbsolute(filename)) return false;
  const visited: string[] = [];
  let verdict = false;
  for (let folder = path.dirname(filename); ; folder = path.dirname(folder)) {
    const cached = enginesByFolder.get(folder);
    if (cached !== undefined) {
      verdict = cached;
      break;
    }
    visited.push(folder);
    const manifest = readManifest(path.join(folder, 'package.json'));
    if (manifest !== undefined) {
      verdict = manifest;
      break;
    }
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of visited) enginesByFolder.set(folder, verdict);
  return verdict;
}

/** Whether the manifest declares `engines.node`; undefined when there is no readable package.json. */
function readManifest(file: string): boolean | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const manifest = JSON.parse(text) as { engines?: { node?: unknown } } | null;
    return typeof manifest?.engines?.node === 'string';
  } catch {
    // A package.json that does not parse still marks the package root.
    return false;
  }
}
