/**
 * One generated input: a file name (its extension picks the dialect) and its
 * text. Names differ in more than the extension: TypeScript leaves `x.js` out
 * of a project that has `x.ts`.
 */
export interface FuzzCase {
  readonly name: string;
  readonly text: string;
  /** Valid code: a parse error here is a failure, not an expected outcome of fuzzing. */
  readonly mustParse: boolean;
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same cases on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Code that every rule has something to say about: the base the mutations start from. */
export const SEEDS: readonly FuzzCase[] = [
  {
    name: 'seed-callbacks.js',
    mustParse: true,
    text: `'use strict';
const fs = require('fs');
const { exec } = require('child_process');
// reads the config, then runs the build
function build(dir, cb) {
  fs.readFile(dir + '/config.json', 'utf8', function (err, data) {
    /* the error is checked late on purpose */
    const config = JSON.parse(data);
    if (err) return cb(err);
    exec(config.command, (err2, stdout) => {
      if (err2) cb(err2);
      cb(null, stdout); // called twice on error
    });
  });
}
async function load(file) {
  const text = fs.readFileSync(file, 'utf8'); // blocks
  [1, 2].forEach((n) => fs.statSync(file + n));
  fetch(file).then((r) => r.json());
  return text;
}
module.exports = { build, load };
`,
  },
  {
    name: 'seed-module.ts',
    mustParse: true,
    text: `import { readFileSync, promises as fsp } from 'node:fs';
import * as cp from 'node:child_process';
/** Loads every file, in order. */
export async function loadAll(files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    out.push(readFileSync(file, 'utf8')); // sync in a loop
  }
  files.forEach(async (file) => { await fsp.stat(file); });
  new Promise<void>((resolve) => { cp.execSync('true'); resolve(); });
  Promise.resolve(1).then((value) => console.log(value));
  return out;
}
export class Store {
  #cache = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.#cache.get(key) ?? cp.execFileSync('cat', [key]).toString();
  }
}
`,
  },
];

/** Valid but unusual syntax each rule must walk through without surprise. */
export const UNUSUAL_SYNTAX: readonly FuzzCase[] = [
  {
    name: 'decorators.ts',
    mustParse: true,
    text: `import * as fs from 'fs';
function logged(target: unknown, context: ClassMethodDecoratorContext) { return target; }
class Service {
  @logged async load(): Promise<Buffer> { return fs.readFileSync('x'); }
  @logged accessor value = 1;
}
export { Service };
`,
  },
  {
    name: 'using.ts',
    mustParse: true,
    text: `import * as fs from 'node:fs';
export async function f(): Promise<void> {
  using handle = { [Symbol.dispose]() { fs.closeSync(3); } };
  await using other = { async [Symbol.asyncDispose]() { fs.rmSync('x'); } };
  fs.writeFileSync('y', 'z');
}
`,
  },
  {
    name: 'component.tsx',
    mustParse: true,
    text: `import { readFileSync } from 'node:fs';
export async function Page({ name }: { name: string }) {
  const text = readFileSync(name, 'utf8');
  return <div title={name} onClick={async () => readFileSync('x')}>{text}<>{[1, 2].map((n) => <b key={n}>{n}</b>)}</></div>;
}
`,
  },
  {
    name: 'component-jsx.jsx',
    mustParse: true,
    text: `const fs = require('fs');
module.exports = async function App() { return <ul>{fs.readdirSync('.').map((f) => <li>{f}</li>)}</ul>; };
`,
  },
  {
    name: 'top-level-await.mjs',
    mustParse: true,
    text: `import fs from 'node:fs';
import data from './data.json' with { type: 'json' };
const text = fs.readFileSync('x', 'utf8');
await new Promise((resolve) => setTimeout(resolve, 1));
for await (const chunk of fs.createReadStream('y')) fs.writeSync(1, chunk);
export default { text, data };
`,
  },
  {
    name: 'private-methods.js',
    mustParse: true,
    text: `const fs = require('fs');
class Reader {
  static #instances = 0;
  #path;
  static { Reader.#instances = 0; }
  constructor(path) { this.#path = path; }
  async #read() { return fs.readFileSync(this.#path); }
  get #size() { return fs.statSync(this.#path).size; }
  async load() { return #path in this ? this.#read() : this.#size; }
}
module.exports = Reader;
`,
  },
  {
    name: 'odd-forms.ts',
    mustParse: true,
    text: `#!/usr/bin/env node
import fs = require('fs');
import type { Stats } from 'fs';
declare module 'lib' { export function go(cb: (err: Error | null) => void): void; }
enum Mode { A = 1 }
namespace N { export const x = 1; }
export const config = { mode: Mode.A } satisfies Record<string, unknown>;
export async function* gen(): AsyncGenerator<Stats> { yield fs.statSync('x'); }
export const arrow = async <T,>(x: T) => (fs.existsSync('y'), x!);
label: for (const k of [1]) { if (k) break label; }
export abstract class Base { abstract run(): Promise<void>; }
const re = /[\\p{L}--\\p{Ll}]/v;
export const chain = async () => fs?.readFileSync?.('z') ?? re;
`,
  },
];

/** A callback nested `depth` levels deep: recursion in a rule overflows the stack here. */
export function callbackPyramid(depth: number): FuzzCase {
  const open: string[] = ["const fs = require('fs');", 'async function deep(done) {'];
  const close: string[] = [];
  for (let level = 0; level < depth; level++) {
    open.push(level % 2 === 0 ? `fs.readFile('f${level}', function (err, d${level}) {` : `[${level}].forEach((n${level}) => {`);
    close.push(level % 2 === 0 ? '});' : '});');
  }
  return {
    name: `pyramid-${depth}.js`,
    mustParse: true,
    text: `${open.join('\n')}\nfs.readFileSync('bottom'); done();\n${close.reverse().join('\n')}\n}\nmodule.exports = deep;\n`,
  };
}

/**
 * A 2 MB one-line minified bundle (valid code, no newline). Not named
 * `*.min.js`: TypeScript's project service leaves such files out of every
 * project, so type-aware linting would never see it.
 */
export function minifiedBundle(bytes: number): FuzzCase {
  const unit = (n: number): string =>
    `function f${n}(a,b){return require("fs").readFileSync(a)+b}async function g${n}(c){var d=f${n}(c,1);[1].forEach(function(e){d+=require("fs").statSync(e)});return d}`;
  const parts: string[] = ['"use strict";'];
  let size = parts[0]?.length ?? 0;
  for (let n = 0; size < bytes; n++) {
    const next = unit(n);
    parts.push(next);
    size += next.length;
  }
  return { name: 'minified-bundle.js', mustParse: true, text: parts.join('') };
}

/** Degenerate inputs: nothing, a byte-order mark, binary noise. */
export function degenerateInputs(random: () => number): FuzzCase[] {
  const bytes = Buffer.alloc(4096);
  for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(random() * 256);
  return [
    { name: 'empty.js', mustParse: true, text: '' },
    { name: 'bom-only-js.js', mustParse: true, text: '\uFEFF' },
    { name: 'bom-only-ts.ts', mustParse: true, text: '\uFEFF' },
    { name: 'random-bytes.js', mustParse: false, text: bytes.toString('latin1') },
    { name: 'random-utf8.ts', mustParse: false, text: bytes.toString('utf8') },
    { name: 'only-comments.js', mustParse: true, text: '// a\n/* b */\n/** c */\n' },
  ];
}

const TOKEN = /[A-Za-z_$][\w$]*|\d+|'[^'\n]*'|"[^"\n]*"|`[^`]*`|\/\/[^\n]*|\/\*[\s\S]*?\*\/|=>|\?\.|\.\.\.|[^\s\w]/g;
const INSERTED_TOKENS = ['(', ')', '{', '}', '[', ']', ',', ';', '.', '=>', '?.', '!', '<', '>', '=', 'function', 'return', 'new', 'yield', '`', "'", '/*', '@x'];
const ODD_AWAIT = ['async ', 'await ', 'async function ', 'await await ', 'async () => ', 'for await ', 'async (await) => '];

/** Where tokens start and end, to cut and insert at token boundaries. */
function tokenSpans(text: string): [number, number][] {
  return [...text.matchAll(TOKEN)].map((match) => [match.index, match.index + match[0].length]);
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/**
 * Mutations of each seed: truncations at random offsets, a token deleted,
 * a token inserted, `async`/`await` dropped in at odd places. Each kind is
 * generated `perKind` times per seed.
 */
export function mutations(seeds: readonly FuzzCase[], random: () => number, perKind: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const seed of seeds) {
    const spans = tokenSpans(seed.text);
    const stem = seed.name.replace(/\.\w+$/, '');
    const extension = seed.name.slice(stem.length);
    for (let index = 0; index < perKind; index++) {
      const cut = Math.floor(random() * seed.text.length);
      cases.push({ name: `${stem}-truncated-${index}${extension}`, mustParse: false, text: seed.text.slice(0, cut) });
      const [from, to] = pick(random, spans);
      cases.push({ name: `${stem}-deleted-${index}${extension}`, mustParse: false, text: seed.text.slice(0, from) + seed.text.slice(to) });
      const at = pick(random, spans)[random() < 0.5 ? 0 : 1];
      cases.push({ name: `${stem}-inserted-${index}${extension}`, mustParse: false, text: `${seed.text.slice(0, at)} ${pick(random, INSERTED_TOKENS)} ${seed.text.slice(at)}` });
      const where = pick(random, spans)[0];
      cases.push({ name: `${stem}-await-${index}${extension}`, mustParse: false, text: seed.text.slice(0, where) + pick(random, ODD_AWAIT) + seed.text.slice(where) });
    }
  }
  return cases;
}

export interface FuzzPlan {
  readonly seed: number;
  /** Mutations of each kind per seed file. */
  readonly perKind: number;
  readonly pyramidDepth: number;
  readonly bundleBytes: number;
  /** Extra seed files to mutate (corpus files). */
  readonly extraSeeds?: readonly FuzzCase[];
}

export function fuzzCases(plan: FuzzPlan): FuzzCase[] {
  const random = seededRandom(plan.seed);
  const seeds = [...SEEDS, ...UNUSUAL_SYNTAX, ...(plan.extraSeeds ?? [])];
  return [
    ...SEEDS,
    ...UNUSUAL_SYNTAX,
    callbackPyramid(plan.pyramidDepth),
    minifiedBundle(plan.bundleBytes),
    ...degenerateInputs(random),
    ...mutations(seeds, random, plan.perKind),
  ];
}
