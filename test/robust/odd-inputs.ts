/**
 * Inputs that once killed a run (a 300-level callback pyramid aborted V8,
 * a recursive generic overflowed the type checker) and odd shapes of the
 * same family, for the CLI run at Node's default stack (crash-inputs.test.ts).
 */
export interface OddInput {
  readonly name: string;
  readonly text: string;
}

export function pyramid(depth: number): OddInput {
  let text = "const fs = require('fs');\n";
  for (let level = 0; level < depth; level++) text += `fs.readFile('a${level}', (err${level}, d${level}) => {\n`;
  text += "console.log('done');\n";
  text += '});\n'.repeat(depth);
  return { name: `pyramid-${depth}.js`, text };
}

const N = 5000;
const chain = (count: number, item: (index: number) => string, separator: string): string => Array.from({ length: count }, (_, index) => item(index)).join(separator);

/** The recursive generic from typescript-eslint's suite that overflows TypeScript's checker (microsoft/TypeScript#63441). */
export const RECURSIVE_GENERIC: OddInput = {
  name: 'recursive-generic.ts',
  text: `interface CustomNode<P> {
  getNextNode: () => CustomNode<P>;
}
declare const createNode: () => {
  getNextNode: <T>() => CustomNode<T>;
};
function wrapNode<T>(getNode: () => CustomNode<T>) {
  return getNode;
}
(async () => {
  wrapNode(() => {
    const node = createNode();
    return wrapNode<typeof node.getNextNode<any>>(node.getNextNode);
  });
})().catch(() => {});
`,
};

export const ODD_INPUTS: readonly OddInput[] = [
  { name: 'nested-arrays.js', text: `module.exports = ${'['.repeat(N)}1${']'.repeat(N)};\n` },
  { name: 'nested-objects.js', text: `module.exports = ${'{a:'.repeat(N)}1${'}'.repeat(N)};\n` },
  { name: 'ternary-chain.js', text: `const x = Math.random();\nmodule.exports = ${chain(N, (i) => `x > ${i} ? ${i} : `, '')}0;\n` },
  { name: 'binary-chain.js', text: `const x = 1;\nmodule.exports = ${chain(N, () => 'x', ' + ')};\n` },
  { name: 'then-chain.js', text: `Promise.resolve()${'.then(() => 1)'.repeat(N)};\n` },
  { name: 'template-chain.js', text: `const x = 1;\nmodule.exports = ${chain(N, () => '`a${x}b`', ' + ')};\n` },
  { name: 'nested-templates.js', text: `const x = 1;\nmodule.exports = ${'`${'.repeat(2000)}x${'}`'.repeat(2000)};\n` },
  { name: 'nested-functions.js', text: `${'(function () {\n'.repeat(2000)}return 1;\n${'})();\n'.repeat(2000)}` },
  {
    name: 'huge-switch.js',
    text: `const fs = require('fs');\nfunction f(x, cb) {\nswitch (x) {\n${chain(5000, (i) => `case ${i}: fs.readFile('a', (err, d) => cb(null, d)); break;`, '\n')}\n}\n}\nmodule.exports = f;\n`,
  },
  {
    name: 'ten-thousand-statements.js',
    text: `const fs = require('fs');\n${chain(10_000, (i) => `fs.readFile('f${i}', (err, d${i}) => { if (err) throw err; console.log(d${i}); });`, '\n')}\n`,
  },
  { name: 'bom-crlf.js', text: "\uFEFFconst fs = require('fs');\r\nfs.readFile('a', (err, d) => {\r\n  console.log(d);\r\n});\r\n" },
  { name: 'null-bytes.js', text: "const fs = require('fs');\n'\0\0';\nfs.readFile('a', (err, d) => { console.log(d); });\n// \0\n" },
  { name: 'giant-string.js', text: `module.exports = '${'a'.repeat(3_000_000)}';\n` },
  {
    name: 'recursive-types.ts',
    text: `type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Deep<T> = { [K in keyof T]: T[K] extends object ? Deep<T[K]> : Promise<T[K]> };
type Rec<T> = T extends Promise<infer U> ? Rec<U> : T;
type Tuple<N extends number, A extends unknown[] = []> = A['length'] extends N ? A : Tuple<N, [...A, Promise<number>]>;
interface Node<P> { next: () => Node<P>; value: Promise<P> }
declare const n: Node<Deep<{ a: { b: Json } }>>;
declare const t: Tuple<40>;
declare const r: Rec<Promise<Promise<number>>>;
export async function f(): Promise<void> { n.next().next().value; t; r; n.value.then(() => 1); }
`,
  },
];

/** A 2 MB one-line bundle. */
export function minifiedBundle(bytes: number): OddInput {
  const parts: string[] = ['"use strict";'];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const unit = `function f${n}(a,b){return require("fs").readFileSync(a)+b}async function g${n}(c){var d=f${n}(c,1);[1].forEach(function(e){d+=require("fs").statSync(e)});return d}`;
    parts.push(unit);
    size += unit.length;
  }
  return { name: 'bundle.js', text: parts.join('') };
}

/** A file with one known finding: it must still be reported next to all the others. */
export const WITNESS: OddInput = { name: 'witness.js', text: "const fs = require('fs');\nfs.readFile('x', (err, d) => { console.log(d); });\n" };
export const TYPED_WITNESS: OddInput = { name: 'witness.ts', text: 'export async function load(): Promise<number> { return 1; }\nexport function run(): void { load(); }\n' };
