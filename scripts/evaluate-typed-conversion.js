#!/usr/bin/env node
/**
 * The conversion with and without types, side by side, over folders of
 * JavaScript/TypeScript: each folder is one TypeScript program (its own
 * tsconfig.json when it has one, else allowJs + strict + @types/node over
 * its files). Every conversion candidate is classified twice (services
 * undefined, then the program's), and the counts by outcome and refusal
 * reason are printed, with the candidates that only types convert.
 *
 *   npm run build && node scripts/evaluate-typed-conversion.js examples node_modules/async ...
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const tsParser = require('@typescript-eslint/parser');
const { Linter } = require('eslint');
const { visitConversionCandidates } = require('../dist/rules/convert/conversion-candidates');
const { getTypeServices } = require('../dist/rules/shared/parser-services');

const MAX_FILES = 400;
const MAX_BYTES = 400_000;
const folders = process.argv.slice(2).map((folder) => path.resolve(folder));

function* walk(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (['node_modules', 'test', '__tests__', 'dist-test', '.bin'].includes(entry.name)) continue;
      yield* walk(full);
    } else if (/\.(?:c|m)?[jt]s$/.test(entry.name) && !/\.d\.[cm]?ts$|\.min\.js$/.test(entry.name) && fs.statSync(full).size <= MAX_BYTES) {
      yield full;
    }
  }
}

function programOf(folder, files) {
  const configFile = path.join(folder, 'tsconfig.json');
  if (fs.existsSync(configFile)) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (parsed !== undefined) return ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
  }
  return ts.createProgram(files, {
    allowJs: true, checkJs: false, strict: true, noEmit: true, skipLibCheck: true,
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ['node'], typeRoots: [path.join(__dirname, '..', 'node_modules', '@types')],
  });
}

/** The outcome of every candidate of a file: `line:column` → `converted` or the refusal reason. */
function outcomes(linter, file, text, program) {
  const found = new Map();
  const rule = {
    meta: { schema: [] },
    create(context) {
      const services = program === undefined ? undefined : getTypeServices(context);
      return visitConversionCandidates(context.sourceCode, services, {
        onFunction() {},
        onCall(call, result) {
          found.set(`${call.loc.start.line}:${call.loc.start.column}`, {
            outcome: result.kind === 'converted' ? 'converted' : result.reason,
            typedNote: result.kind === 'converted' && result.notes.some((note) => note.startsWith('relies on the declared type')),
            callee: context.sourceCode.getText(call.callee).replace(/\s+/g, '').slice(0, 60),
          });
        },
      });
    },
  };
  const languageOptions = program === undefined ? { parser: tsParser } : { parser: tsParser, parserOptions: { programs: [program] } };
  const messages = linter.verify(text, [{ files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs', '**/*.mts', '**/*.cts'], plugins: { e: { rules: { r: rule } } }, rules: { 'e/r': 'error' }, languageOptions }], { filename: file });
  const fatal = messages.find((message) => message.fatal === true);
  return fatal === undefined ? found : undefined;
}

const totals = { files: 0, parseErrors: 0, syntactic: {}, typed: {}, typedOnlyConversions: [], lostConversions: [] };
const bump = (table, key) => { table[key] = (table[key] ?? 0) + 1; };
const started = Date.now();
for (const folder of folders) {
  const files = [...walk(folder)].slice(0, MAX_FILES);
  const program = programOf(folder, files);
  const inProgram = new Set(program.getSourceFiles().map((source) => path.resolve(source.fileName)));
  const linter = new Linter({ configType: 'flat', cwd: folder });
  for (const file of files) {
    if (!inProgram.has(file)) continue;
    totals.files += 1;
    const text = fs.readFileSync(file, 'utf8');
    const plain = outcomes(linter, file, text, undefined);
    const typed = outcomes(linter, file, text, program);
    if (plain === undefined || typed === undefined) {
      totals.parseErrors += 1;
      continue;
    }
    for (const entry of plain.values()) bump(totals.syntactic, entry.outcome);
    for (const [at, entry] of typed) {
      bump(totals.typed, entry.outcome);
      const before = plain.get(at)?.outcome;
      const where = `${path.relative(process.cwd(), file)}:${at.split(':')[0]} ${entry.callee}`;
      if (entry.outcome === 'converted' && before !== 'converted') totals.typedOnlyConversions.push(`${where} (${before ?? 'no candidate'}${entry.typedNote ? ', declared type' : ''})`);
    }
    for (const [at, entry] of plain) {
      if (entry.outcome === 'converted' && typed.get(at)?.outcome !== 'converted') totals.lostConversions.push(`${path.relative(process.cwd(), file)}:${at.split(':')[0]} ${entry.callee}`);
    }
  }
}
totals.ms = Date.now() - started;
console.log(JSON.stringify(totals, null, 2));
