/** Relative `require('./x')`, `import … from './x'`, `import('./x')`, `export … from './x'`. */
const SPECIFIER = /(?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)(['"])(\.{1,2}\/[^'"]*|\.{1,2})\1/gm;

export function relativeSpecifiers(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((match) => match[2] ?? '');
}
