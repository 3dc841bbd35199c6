#!/usr/bin/env node
/**
 * Compares our `.then/.catch/.finally` conversion with TypeScript's own
 * "Convert to async function" code fix, on the test cases TypeScript writes
 * for that fix (src/testRunner/unittests/services/convertToAsyncFunction.ts
 * of microsoft/TypeScript; the file is read from the path given, never kept
 * in this repository).
 *
 *   npm run build && node scripts/compare-ts-refactor.js <convertToAsyncFunction.ts> [--json] [--show <caption|class>]... [--dist <build folder>]
 *
 * For each case: TypeScript's fix is run through a language service over an
 * in-memory host (our own small lib declaring Promise and fetch), our
 * conversion through `convertFileText` on the case written to a temporary
 * folder (with `module.ts` where the case imports it), as the CLI sees files; the top-level statement holding the
 * selected function is compared as tokens (comments and semicolons left
 * out, `let` read as `const`). Both-converted cases whose tokens differ are
 * classified by hand in HAND_CLASSIFIED below (see
 * docs/evaluation/ts-refactor-comparison.md for how).
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const ts = require('typescript');
const path = require('node:path');

const distIndex = process.argv.indexOf('--dist');
// `--dist <folder>`: another build of this package (e.g. an older commit's), to count before/after.
const { convertFileText } = require(path.resolve(distIndex >= 0 ? process.argv[distIndex + 1] : path.join(__dirname, '..', 'dist'), 'rules', 'convert'));

// Our own minimal lib: just what the cases touch (Promise, fetch, Response).
const LIB = `/// <reference no-default-lib="true"/>
interface Array<T> { length: number; [n: number]: T; forEach(f: (value: T) => void): void; }
interface Boolean {}
interface CallableFunction {}
interface Function {}
interface IArguments {}
interface NewableFunction {}
interface Number { toString(): string; }
interface Object {}
interface RegExp {}
interface String { length: number; }
interface PromiseLike<T> {
  then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: any) => B | PromiseLike<B>) | null): PromiseLike<A | B>;
}
interface Promise<T> {
  then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<A | B>;
  catch<B = never>(onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<T | B>;
  finally(onfinally?: (() => void) | null): Promise<T>;
}
interface PromiseConstructor {
  readonly prototype: Promise<any>;
  new <T>(executor: (resolve: (value?: T | PromiseLike<T>) => void, reject: (reason?: any) => void) => void): Promise<T>;
  all<T>(values: readonly (T | PromiseLike<T>)[]): Promise<T[]>;
  race<T>(values: readonly (T | PromiseLike<T>)[]): Promise<T>;
  reject<T = never>(reason?: any): Promise<T>;
  resolve(): Promise<void>;
  resolve<T>(value: T | PromiseLike<T>): Promise<T>;
}
declare var Promise: PromiseConstructor;
interface Body {
  readonly bodyUsed: boolean;
  blob(): Promise<Blob>;
  json(): Promise<any>;
  text(): Promise<string>;
}
interface Response extends Body {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly trailer: Promise<Headers>;
  readonly url: string;
}
declare function fetch(input?, init?): Promise<Response>;
`;
const MODULE = 'export function fn(res: any): any {\n    return res;\n}\n';

// Both convert, tokens differ: decided by reading both outputs (see docs/evaluation/ts-refactor-comparison.md).
// Keyed by caption; the fingerprint of our output's tokens makes a changed output show up as unreviewed again
// (several fingerprints: outputs of earlier versions, for the before/after counts).
const WHY = {
  rename: 'equivalent: fresh names differ (`result2` for `result_1`)',
  nested: 'equivalent: `f(await p)` where TS writes `const x = await p; return f(x)`: same order of evaluation',
  unused: 'equivalent: an unused handler parameter is not declared (`await p;` for `const _ = await p;`)',
  inner: 'equivalent: an inner chain whose value is used stays a chain under `await` (TS flattens it into try/catch too)',
  innerFlat: 'equivalent: an inner chain under `await` (flattened as TS does since chains awaited in place convert; before, left as a chain); we `await` a handler value TS knows is not a promise (one more tick) and write `let x;` without its type',
  returnAwait: 'equivalent: `return p` for `return await p` where no `try` block encloses the return',
  oursDroppedCall: 'different, ours wrong (fixed since): a handler value that is not a promise (`console.log(…)`) was dropped instead of evaluated',
  tsWrongFinally: 'different, TS wrong: TS writes `return` inside `finally`, which replaces the result with `undefined` and swallows a rejection',
  letAfterCatch: 'equivalent: `let x;` before the `try` where TS writes the inferred type (`let x: number;`); names and awaits of temporaries differ',
  typeArgument: 'equivalent at run time: the `.then<T>`/`.catch<T>` type argument is dropped (TS keeps it as an annotation), so the inferred return type may change',
  typeArgumentKept: 'equivalent: the `.then<T>` type argument is kept as the annotation of `const result: T`, as TS does; we `await` the handler\'s value before annotating it (a `.then<T>` handler may return a promise of `T`; without types we cannot tell it does not: one more tick)',
  thisMethod: 'equivalent: `this.foo(await p)` where TS writes `const x = await p; return this.foo(x)`: `foo` is a private method (or arrow field) that uses no `this`, so binding `this` changes nothing, and nothing assigns it, so reading it first changes nothing',
  localVariable: 'equivalent: the chain kept in a variable stays (as in TS); the returned chains convert; fresh names differ (`res2` for `res_1`) and an unused handler parameter is not declared',
  hoisted: 'equivalent: the inner chain is awaited in a statement of its own, then flattened as TS does; unused handler parameters are not declared, fresh names differ',
  imported: 'equivalent: `fn(await p)` where TS writes `const x = await p; return fn(x)`; `fn` is known to be a function from `./module` on disk (TS knows it from its type)',
  catchTypeArgumentKept: 'equivalent: the `.catch<T>` type argument is kept as the annotation of `const result: T`, as TS does; TS keeps the parentheses of the arrow body `({ … })`',
};
const HAND_CLASSIFIED = {
  convertToAsyncFunction_arrayBindingPatternRename: ['aa9562ff', WHY.rename],
  convertToAsyncFunction_objectBindingPatternRename: ['40f898b4', WHY.rename],
  convertToAsyncFunction_InnerPromise: ['d94f28bb', WHY.rename],
  convertToAsyncFunction_InnerVarNameConflict: ['8fd25250', 'equivalent: both write `const x = undefined; return x.toString()`, throwing as the original second handler did (the first returns nothing)'],
  convertToAsyncFunction_CatchRef: ['2d847a2d', WHY.nested],
  convertToAsyncFunction_IgnoreArgs4: ['7a58a833', WHY.nested],
  convertToAsyncFunction_MultipleThens: ['f402d113', WHY.nested],
  convertToAsyncFunction_MultipleThensSameVarName: ['f402d113', WHY.nested],
  convertToAsyncFunction_ResRef: ['0dbc584e', WHY.nested],
  convertToAsyncFunction_ResRef3: ['0dbc584e', WHY.nested],
  convertToAsyncFunction_ResRefNoReturnVal: ['f73a042c', WHY.nested],
  convertToAsyncFunction_ParameterNameCollision: ['97158849', WHY.nested],
  convertToAsyncFunction_bindingPattern: ['7a58a833', WHY.nested],
  convertToAsyncFunction_bindingPatternNameCollision: ['cf08e2a4', WHY.nested],
  convertToAsyncFunction_runEffectfulContinuation: ['939244e1', WHY.nested],
  convertToAsyncFunction_Conditional2: ['c16520dc', WHY.nested],
  convertToAsyncFunction_IgnoreArgs1: ['e24aba20', WHY.unused],
  convertToAsyncFunction_Scope2: ['ea339725', 'equivalent: `await i2.ok;` for an unused value where TS writes `const res = i_1.ok;` (one more tick)'],
  convertToAsyncFunction_InnerPromiseRet: ['2f9ed26e|09e9cace', WHY.innerFlat],
  convertToAsyncFunction_InnerPromiseRetBinding1: ['77d3ad2d|14e6191b', WHY.innerFlat],
  convertToAsyncFunction_InnerPromiseRetBinding2: ['56ffd6cd|d4f28d53', WHY.innerFlat],
  convertToAsyncFunction_InnerPromiseRetBinding3: ['11d1d676', WHY.innerFlat],
  convertToAsyncFunction_InnerPromiseRetBinding4: ['131481c2', WHY.innerFlat],
  convertToAsyncFunction_InnerPromiseSimple: ['e4266926|fc1efcb8', WHY.innerFlat],
  convertToAsyncFunction_Scope1: ['deae0ec7', WHY.inner],
  convertToAsyncFunction_callbackReturnsFixablePromise: ['1470346d|f84b6c3c', WHY.innerFlat],
  convertToAsyncFunction_PromiseAllAndThen1: ['4a2a54da', WHY.returnAwait],
  convertToAsyncFunction_PromiseAllAndThen3: ['4a2a54da', WHY.returnAwait],
  convertToAsyncFunction_callbackReturnsPromiseLastInChain: ['904b3ddb', WHY.returnAwait],
  convertToAsyncFunction_nestedPromises: ['c2cd0b9b', WHY.returnAwait],
  convertToAsyncFunction_noArgs1: ['6d1cd15a', WHY.returnAwait],
  convertToAsyncFunction_noArgs2: ['19c41288', WHY.returnAwait],
  convertToAsyncFunction_Return1: ['ffcb2386', `${WHY.returnAwait} (a \`catch\` block)`],
  convertToAsyncFunction_Return2: ['ffcb2386', `${WHY.returnAwait} (a \`catch\` block)`],
  convertToAsyncFunction_Return3: ['ffcb2386', `${WHY.returnAwait} (a \`catch\` block)`],
  convertToAsyncFunction_MultipleReturns2: [['69f25f5d', 'equivalent: we convert only the inner handler (the other return is a chain on a variable, not known to be native); TS converts the function'], ['c605b893', WHY.localVariable]],
  convertToAsyncFunction_OutermostOnlyFailure: ['784227d0', 'equivalent: TS converts only the selected inner handler; we convert the whole function (its chain starts from `fetch`)'],
  // Earlier builds dropped the type argument (first pair); it is now kept (second).
  convertToAsyncFunction_thenTypeArgument1: [['7df2c72a', WHY.typeArgument], ['fa727d8f', `${WHY.typeArgumentKept}; and \`f(await p)\` where TS writes \`const x = await p; … f(x)\``]],
  convertToAsyncFunction_thenTypeArgument2: [['f2a0b1e6', WHY.typeArgument], ['4b36c388', WHY.typeArgumentKept]],
  convertToAsyncFunction_thenTypeArgument3: [['99982667', WHY.typeArgument], ['f8b82d22', WHY.typeArgumentKept]],
  convertToAsyncFunction_catchTypeArgument1: [['3fe98078', WHY.typeArgument], ['c64d114f', WHY.catchTypeArgumentKept]],
  convertToAsyncFunction_CatchFollowedByThen: ['20b9cf32', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMatchingTypes01: ['20b9cf32', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMatchingTypes01NoAnnotations: ['20b9cf32', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMatchingTypes02: ['51f8fa35', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMatchingTypes02NoAnnotations: ['51f8fa35', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMismatchTypes01: ['20b9cf32', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMismatchTypes02: ['20b9cf32', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMismatchTypes02NoAnnotations: ['20b9cf32', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMismatchTypes03: ['20b9cf32', WHY.letAfterCatch],
  convertToAsyncFunction_CatchFollowedByThenMismatchTypes04: ['20b9cf32', WHY.letAfterCatch],
  convertToAsyncFunction_catchBlockUniqueParams: ['434af931', WHY.letAfterCatch],
  convertToAsyncFunction_catchBlockUniqueParamsBindingPattern: ['8d43c870|34c10224', WHY.letAfterCatch],
  convertToAsyncFunction_chainedThenCatchThen: ['3a421111', WHY.letAfterCatch],
  convertToAsyncFunction_thenFinallyThen: ['420843fc', WHY.letAfterCatch],
  convertToAsyncFunction_IgnoreArgs3: ['fc6386b5', WHY.oursDroppedCall],
  convertToAsyncFunction_ResRef1: ['e97c0e33', WHY.thisMethod],
  convertToAsyncFunction_ResRef2: ['90418d95', WHY.thisMethod],
  convertToAsyncFunction_ResRefNoReturnVal1: ['04b45c01', WHY.thisMethod],
  convertToAsyncFunction_MultipleReturns1: ['65a480a5', WHY.localVariable],
  convertToAsyncFunction_Scope1: ['e61b07ad', WHY.hoisted],
  convertToAsyncFunction_importedFunction: ['eb67c91f', WHY.imported],
  convertToAsyncFunction_finally: ['eb452c2b', WHY.tsWrongFinally],
  convertToAsyncFunction_thenFinally: ['6f09262a', WHY.tsWrongFinally],
};

const args = process.argv.slice(2);
const file = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--show' && args[index - 1] !== '--dist');
if (file === undefined) {
  console.error('usage: node scripts/compare-ts-refactor.js <path to convertToAsyncFunction.ts> [--json] [--show <caption>]');
  process.exit(2);
}
const asJson = args.includes('--json');
const shown = new Set(args.filter((_, index) => args[index - 1] === '--show'));

/** The cases: caption, text with `[#|…|]`, and the flags of the wrapper that declares it. */
function extractCases(text) {
  const sourceFile = ts.createSourceFile('cases.ts', text, ts.ScriptTarget.Latest, true);
  const wrapperFlags = new Map();
  const cases = [];
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text.startsWith('_testConvertToAsyncFunction') && node.initializer) {
      const flags = new Set();
      const collect = (inner) => {
        if (ts.isPropertyAccessExpression(inner) && inner.expression.getText() === 'ConvertToAsyncTestFlags') flags.add(inner.name.text);
        ts.forEachChild(inner, collect);
      };
      collect(node.initializer);
      wrapperFlags.set(node.name.text, expandFlags(flags));
    }
    if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : node.expression;
      const [caption, body] = node.arguments;
      if (ts.isIdentifier(callee) && callee.text.startsWith('_testConvertToAsyncFunction') && caption && ts.isStringLiteral(caption) && body && ts.isNoSubstitutionTemplateLiteral(body)) {
        cases.push({ caption: caption.text, wrapper: callee.text, raw: body.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return cases.map((entry) => ({ ...entry, flags: wrapperFlags.get(entry.wrapper) ?? new Set() }));
}

function expandFlags(flags) {
  const out = new Set(flags);
  if (flags.has('ExpectSuccess')) ['ExpectSuggestionDiagnostic', 'ExpectAction'].forEach((flag) => out.add(flag));
  if (flags.has('ExpectFailed')) ['ExpectNoSuggestionDiagnostic', 'ExpectNoAction'].forEach((flag) => out.add(flag));
  return out;
}

function withoutMarkers(raw) {
  const start = raw.indexOf('[#|');
  const end = raw.indexOf('|]', start);
  return { source: raw.slice(0, start) + raw.slice(start + 3, end) + raw.slice(end + 2), selection: { start, end: end - 3 } };
}

const registry = ts.createDocumentRegistry();
const formatSettings = { ...ts.getDefaultFormatCodeSettings('\n'), indentSize: 4, tabSize: 4, convertTabsToSpaces: true };

/** TypeScript's code fix for the selection: whether the suggestion shows, and the new text if the fix applies. */
function runTypeScript(source, selection, includeModule) {
  const files = new Map([['/a.ts', source], ['/lib.d.ts', LIB]]);
  if (includeModule) files.set('/module.ts', MODULE);
  const options = {
    noLib: true, target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Node10,
    experimentalDecorators: true, noEmit: true,
  };
  const host = {
    getScriptFileNames: () => [...files.keys()],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => (files.has(name) ? ts.ScriptSnapshot.fromString(files.get(name)) : undefined),
    getCurrentDirectory: () => '/',
    getCompilationSettings: () => options,
    getDefaultLibFileName: () => '/lib.d.ts',
    fileExists: (name) => files.has(name),
    readFile: (name) => files.get(name),
  };
  const service = ts.createLanguageService(host, registry);
  const length = selection.end - selection.start;
  const suggestion = service.getSuggestionDiagnostics('/a.ts').some((diagnostic) => diagnostic.code === 80006 && diagnostic.start === selection.start && diagnostic.length === length);
  const fix = service.getCodeFixesAtPosition('/a.ts', selection.start, selection.end, [80006], formatSettings, {}).find((candidate) => candidate.fixName === 'convertToAsyncFunction');
  const changes = fix?.changes.find((change) => change.fileName === '/a.ts')?.textChanges ?? [];
  service.dispose();
  if (changes.length === 0) return { suggestion, text: undefined };
  let text = source;
  for (const change of [...changes].sort((a, b) => b.span.start - a.span.start)) {
    text = text.slice(0, change.span.start) + change.newText + text.slice(change.span.start + change.span.length);
  }
  return { suggestion, text };
}

/** The index of the top-level statement holding `position`, and that statement's text in `text`. */
function topLevelIndex(text, position) {
  const sourceFile = ts.createSourceFile('/a.ts', text, ts.ScriptTarget.Latest, true);
  return sourceFile.statements.findIndex((statement) => statement.getFullStart() <= position && position < statement.end);
}

function topLevelStatement(text, index) {
  const sourceFile = ts.createSourceFile('/a.ts', text, ts.ScriptTarget.Latest, true);
  const statement = sourceFile.statements[index];
  if (statement === undefined) return undefined;
  return { text: text.slice(statement.getStart(sourceFile), statement.end), start: statement.getStart(sourceFile), end: statement.end, sourceFile };
}

/** Tokens without comments and semicolons, `let` read as `const`. */
function tokens(text) {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const out = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SemicolonToken) continue;
    const token = scanner.getTokenText();
    out.push(token === 'let' ? 'const' : token);
  }
  // `catch (err: any)`: we annotate a used catch variable where `.catch`'s reason was `any`.
  for (let index = out.indexOf('catch'); index >= 0; index = out.indexOf('catch', index + 1)) {
    if (out[index + 1] !== '(') continue;
    let depth = 0;
    for (let end = index + 1; end < out.length; end += 1) {
      if (out[end] === '(') depth += 1;
      if (out[end] === ')' && --depth === 0) {
        if (out[end - 2] === ':' && out[end - 1] === 'any') out.splice(end - 2, 2);
        break;
      }
    }
  }
  return out.join(' ');
}

function comments(text) {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const out = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) out.push(scanner.getTokenText());
  }
  return out;
}

/** The `.then(…)`/`.catch(…)`/`.finally(…)` calls in a text (the unit TypeScript's fix converts: the selected statement). */
function chainCalls(text) {
  if (text === undefined) return undefined;
  const sourceFile = ts.createSourceFile('/count.ts', text, ts.ScriptTarget.Latest, true);
  let count = 0;
  const visit = (node) => {
    if (ts.isCallExpression(node) && (ts.isPropertyAccessExpression(node.expression) || ts.isElementAccessExpression(node.expression))) {
      const name = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isStringLiteralLike(node.expression.argumentExpression) ? node.expression.argumentExpression.text : '';
      if (name === 'then' || name === 'catch' || name === 'finally') count += 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return count;
}

function lineOf(text, offset) {
  return text.slice(0, offset).split('\n').length;
}

function compareCase(entry) {
  const { source, selection } = withoutMarkers(entry.raw);
  const index = topLevelIndex(source, selection.start);
  const original = topLevelStatement(source, index);
  const theirs = runTypeScript(source, selection, entry.flags.has('IncludeModule'));
  // On disk, as the CLI sees a file: `./module` of the case is read next to it.
  const caseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-refactor-case-'));
  fs.writeFileSync(path.join(caseDir, 'a.ts'), source);
  if (entry.flags.has('IncludeModule')) fs.writeFileSync(path.join(caseDir, 'module.ts'), MODULE);
  const ourConversion = convertFileText(source, path.join(caseDir, 'a.ts'));
  fs.rmSync(caseDir, { recursive: true, force: true });
  const ours = topLevelStatement(ourConversion.text, index);
  const theirStatement = theirs.text === undefined ? undefined : topLevelStatement(theirs.text, index);
  const weConverted = ours !== undefined && ours.text !== original.text;
  const theyConverted = theirStatement !== undefined && theirStatement.text !== original.text;
  const from = ours === undefined ? 0 : lineOf(ourConversion.text, ours.start);
  const to = ours === undefined ? 0 : lineOf(ourConversion.text, ours.end);
  const refusals = ourConversion.report.filter((item) => item.outcome === 'refused' && item.line >= from && item.line <= to).map((item) => item.reason);
  let klass;
  if (weConverted && theyConverted) klass = tokens(ours.text) === tokens(theirStatement.text) ? 'same' : 'differs';
  else if (theyConverted) klass = 'ts-only';
  else if (weConverted) klass = 'ours-only';
  else klass = 'both-refuse';
  const hand = HAND_CLASSIFIED[entry.caption];
  const fingerprint = ours === undefined ? '' : crypto.createHash('sha1').update(tokens(ours.text)).digest('hex').slice(0, 8);
  let why = '';
  if (klass === 'differs') {
    // One `[fingerprints, why]`, or several when outputs of different versions were read.
    const reading = (hand === undefined ? [] : Array.isArray(hand[0]) ? hand : [hand]).find(([fingerprints]) => fingerprints.split('|').includes(fingerprint));
    const reviewed = reading !== undefined;
    why = reviewed ? reading[1] : '';
    klass = reviewed ? why.split(/[:,]/)[0] : 'differs (unreviewed)';
  }
  const originalComments = comments(original.text);
  const lost = (text) => (text === undefined ? 0 : originalComments.filter((comment) => !comments(text).includes(comment)).length);
  return {
    caption: entry.caption.replace(/^convertToAsyncFunction_/, ''),
    fullCaption: entry.caption,
    tsExpects: entry.flags.has('ExpectAction') ? 'convert' : entry.flags.has('ExpectNoAction') ? 'refuse' : '?',
    tsSuggests: theirs.suggestion,
    tsConverted: theyConverted,
    oursConverted: weConverted,
    class: klass,
    why,
    fingerprint,
    ourRefusals: [...new Set(refusals)],
    commentsLost: { ts: theyConverted ? lost(theirStatement.text) : 0, ours: weConverted ? lost(ours.text) : 0 },
    // What each side leaves of `.then/.catch/.finally` in the selected statement (no fix: the original's).
    chainCallsLeft: { original: chainCalls(original.text), ts: chainCalls(theirStatement?.text ?? original.text), ours: chainCalls(ours?.text ?? original.text) },
    original: original.text,
    ts: theirStatement?.text,
    ours: ours?.text,
  };
}

const cases = extractCases(fs.readFileSync(file, 'utf8'));
const results = cases.map(compareCase);

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const count = (key) => results.reduce((map, result) => map.set(key(result), (map.get(key(result)) ?? 0) + 1), new Map());
  console.log(`${results.length} cases from ${file}\n`);
  console.log('| class | cases |\n| --- | ---: |');
  for (const [klass, n] of [...count((result) => result.class)].sort((a, b) => b[1] - a[1])) console.log(`| ${klass} | ${n} |`);
  console.log('\n| our refusal reason (cases TS converts) | cases |\n| --- | ---: |');
  const tsOnly = results.filter((result) => result.class === 'ts-only');
  for (const [reason, n] of [...count((result) => result.ourRefusals.join(', ') || '(no candidate)')].filter(([reason]) => tsOnly.some((result) => (result.ourRefusals.join(', ') || '(no candidate)') === reason)).sort((a, b) => b[1] - a[1])) {
    console.log(`| ${reason} | ${tsOnly.filter((result) => (result.ourRefusals.join(', ') || '(no candidate)') === reason).length} |`);
    void n;
  }
  console.log('\n| case | TS test expects | TS converts | we convert | class | our refusal / why | comments lost (TS/ours) |\n| --- | --- | --- | --- | --- | --- | --- |');
  for (const result of results) {
    const note = result.why || result.ourRefusals.join(', ');
    console.log(`| ${result.caption} | ${result.tsExpects} | ${result.tsConverted ? 'yes' : 'no'} | ${result.oursConverted ? 'yes' : 'no'} | ${result.class} | ${note} | ${result.commentsLost.ts}/${result.commentsLost.ours} |`);
  }
  const left = results.map((result) => result.chainCallsLeft);
  const sum = (key) => left.reduce((total, counts) => total + counts[key], 0);
  console.log(`\n.then/.catch/.finally calls left in the selected statement: original ${sum('original')}, TypeScript ${sum('ts')}, ours ${sum('ours')}`);
  const more = results.filter((result) => result.chainCallsLeft.ours > result.chainCallsLeft.ts);
  const fewer = results.filter((result) => result.chainCallsLeft.ours < result.chainCallsLeft.ts);
  console.log(`cases where we leave more than TypeScript: ${more.length}${more.length === 0 ? '' : ` (${more.map((result) => `${result.caption} ${result.chainCallsLeft.ours}>${result.chainCallsLeft.ts}`).join(', ')})`}`);
  console.log(`cases where we leave fewer: ${fewer.length}${fewer.length === 0 ? '' : ` (${fewer.map((result) => `${result.caption} ${result.chainCallsLeft.ours}<${result.chainCallsLeft.ts}`).join(', ')})`}`);
  console.log('\n| case | chain calls: original | left by TS | left by ours |\n| --- | ---: | ---: | ---: |');
  for (const result of results) console.log(`| ${result.caption} | ${result.chainCallsLeft.original} | ${result.chainCallsLeft.ts} | ${result.chainCallsLeft.ours} |`);
  for (const result of results.filter((item) => shown.has(item.caption) || shown.has(item.fullCaption) || shown.has(item.class))) {
    console.log(`\n### ${result.caption} (${result.class})\n--- original\n${result.original}\n--- TypeScript\n${result.ts ?? '(no fix)'}\n--- ours\n${result.ours}`);
  }
}
