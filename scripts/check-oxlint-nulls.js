#!/usr/bin/env node
/**
 * Type-checks the project with typescript-eslint's AST types changed the way
 * oxlint's JS plugins fill them: every optional key (`returnType`,
 * `typeAnnotation`, `typeArguments`, `directive`, …) typed `T | null |
 * undefined` instead of `T | undefined`. A rule that reads a property of such
 * a key without going through rules/shared/optional-keys.ts fails here.
 *
 *   node scripts/check-oxlint-nulls.js      (exit 1 and the tsc errors when one does)
 *
 * The patched copy of @typescript-eslint/types lives in a temporary folder;
 * node_modules is not changed.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const typesPackage = path.dirname(require.resolve('@typescript-eslint/types/package.json', { paths: [root] }));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'async-guard-nulls-'));
const copy = path.join(work, 'types');
fs.cpSync(typesPackage, copy, { recursive: true });
const specFile = path.join(copy, 'dist', 'generated', 'ast-spec.d.ts');
const spec = fs.readFileSync(specFile, 'utf8');
let widened = 0;
const patched = spec
  .replace(/^(\s+(?!tokens:|comments:)[A-Za-z]+: .*) \| undefined;$/gm, (_, head) => {
    widened++;
    return `${head} | null | undefined;`;
  })
  .replace(/^(\s+body)\?: TSModuleBlock;$/gm, (_, head) => {
    widened++;
    return `${head}?: TSModuleBlock | null;`;
  });
if (widened < 30) throw new Error(`only ${widened} optional keys found in ${specFile}: has the file's layout changed?`);
fs.writeFileSync(specFile, patched);
const tsconfig = path.join(root, `tsconfig.oxlint-nulls.${process.pid}.json`);
fs.writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: './tsconfig.json',
    compilerOptions: { noEmit: true, paths: { '@typescript-eslint/types': [copy], '@typescript-eslint/types/*': [`${copy}/*`] } },
    include: ['rules', 'cli'],
  }),
);
let failed = false;
try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', tsconfig], { cwd: root, stdio: 'inherit' });
  process.stdout.write(`check-oxlint-nulls: no direct read of the ${widened} optional AST keys\n`);
} catch {
  failed = true;
} finally {
  fs.rmSync(tsconfig, { force: true });
  fs.rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
