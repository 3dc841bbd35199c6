/**
 * `node dist/bench/check-incremental-parse.js`: the editor's incremental
 * TypeScript parser against fresh parses, on the TypeScript files of the
 * benchmark corpus (node_modules/), each put through the same simulated
 * typing as the unit test. Prints how many versions were compared and
 * every one whose tree, tokens, comments or parse error differ; exits 1 on
 * any difference.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { createIncrementalTypeScriptParser } from '../extension/server/incremental-typescript-parser';
import { isTypeScriptFile } from '../rules/convert/typescript-file';
import { parsedTree, random, typingEdits } from '../test/server/typing-edits';
import { selectCorpus } from './corpus';

const NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');

function main(): void {
  const files = selectCorpus(NODE_MODULES).files.filter(isTypeScriptFile);
  const parser = createIncrementalTypeScriptParser();
  const next = random(11);
  let versions = 0;
  let errors = 0;
  const different: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const options = { range: true, loc: true, tokens: true, comment: true, preserveNodeMaps: false, ecmaVersion: 'latest', sourceType: 'module', filePath: file } as const;
    for (const [index, version] of [text, ...typingEdits(text, next)].entries()) {
      const incremental = parsedTree(() => parser.parseForESLint(version, options));
      const fresh = parsedTree(() => tsParser.parseForESLint(version, options));
      versions++;
      if (fresh.startsWith('error: ')) errors++;
      if (incremental !== fresh) different.push(`${path.relative(NODE_MODULES, file)} version ${index}`);
    }
  }
  console.log(`incremental parse: ${files.length} TypeScript files, ${versions} versions (${errors} with a syntax error), ${different.length} different from a fresh parse`);
  for (const line of different) console.log(`  ${line}`);
  process.exitCode = different.length === 0 ? 0 : 1;
}

main();
