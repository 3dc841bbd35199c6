import * as fs from 'node:fs';
import * as path from 'node:path';
import { outsideImporters } from './outside-importers';
import { relativeSpecifiers } from './relative-specifiers';

/**
 * The files code outside the program may call into: the entry points of
 * their package.json (`main`, `bin`, `exports`), the files other files of
 * the package import (its tests), and any file with exports that no file of
 * the program imports.
 */
export function publicFiles(files: ReadonlyMap<string, string>, resolve: (from: string, specifier: string) => string | undefined): Set<string> {
  const result = new Set<string>();
  const imported = new Set<string>();
  for (const [file, text] of files) {
    for (const specifier of relativeSpecifiers(text)) {
      const target = resolve(file, specifier);
      if (target !== undefined && target !== file) imported.add(target);
    }
  }
  // One lookup per folder: the files of a package share theirs.
  const folders = new Set([...files.keys()].map((file) => path.dirname(file)));
  const manifests = new Set<string>();
  for (const folder of folders) {
    const manifest = nearestManifest(folder);
    if (manifest !== undefined) manifests.add(manifest);
  }
  for (const manifest of manifests) {
    for (const entry of entryPoints(manifest)) {
      const target = resolve(manifest, entry.startsWith('.') ? entry : `./${entry}`);
      if (target !== undefined) result.add(target);
    }
  }
  const programPaths = new Set([...files.keys()].map((file) => path.resolve(file)));
  let everyExporter = false;
  for (const manifest of manifests) {
    const outside = outsideImporters(path.dirname(manifest), programPaths, resolve);
    if (outside === undefined) everyExporter = true;
    else for (const file of outside) result.add(file);
  }
  for (const [file, text] of files) {
    if ((everyExporter || !imported.has(file)) && /\bmodule\.exports\b|\bexports\.\w|^\s*export\s/m.test(text)) result.add(file);
  }
  return result;
}

function nearestManifest(directory: string): string | undefined {
  for (let current = directory; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'package.json');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

function entryPoints(manifest: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  } catch {
    return [];
  }
  if (typeof json !== 'object' || json === null) return [];
  const fields = json as { main?: unknown; bin?: unknown; exports?: unknown };
  const found: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) collect(inner);
  };
  collect(fields.main ?? 'index.js');
  collect(fields.bin);
  collect(fields.exports);
  return found;
}
