#!/usr/bin/env node
/**
 * Counts callbacks (as defined in test/convert/callback-count.ts) in the
 * JavaScript and TypeScript files under the given paths. With --convert,
 * converts a copy of each path with `async-guard --convert` (the originals
 * are never written) and prints how many callbacks the conversion removed.
 *
 *   npm run build && node scripts/count-callbacks.js [--convert] [--json] [--files] <path…>
 *
 * Prints "callbacks removed: X of Y (Z%)" with --convert; exit code 1 when a
 * converted file no longer parses. `countCallbacks(text, file)` gives one
 * text's count to scripts/evaluate-packages.js.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const callbackCount = require('../dist/test/convert/callback-count.js');
const { countTargets, removedLine } = callbackCount;
const { copyProgram, runConvertCli } = require('../dist/test/convert/convert-cli.js');

async function main() {
  const args = process.argv.slice(2);
  const convert = args.includes('--convert');
  const asJson = args.includes('--json');
  const perFile = args.includes('--files');
  const targets = args.filter((arg) => !arg.startsWith('--')).map((arg) => path.resolve(arg));
  if (targets.length === 0) {
    console.error('usage: node scripts/count-callbacks.js [--convert] [--json] [--files] <path…>');
    return 2;
  }
  const before = countTargets(targets);
  if (!convert) {
    if (asJson) console.log(JSON.stringify(before.totals));
    else {
      if (perFile) for (const file of before.files) console.log(`${file.callbacks.length}\t${path.relative(process.cwd(), file.file)}`);
      console.log(`callbacks: ${before.totals.callbacks} in ${before.totals.files} file(s); forwarding catch blocks: ${before.totals.forwardingCatches}`);
    }
    return 0;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-count-'));
  try {
    const copies = [];
    for (const [index, target] of targets.entries()) {
      const root = path.join(work, String(index));
      const copy = copyProgram(target, root);
      const run = await runConvertCli(root, path.basename(copy));
      if (run.code !== 0) console.error(`async-guard --convert ${target}: exit code ${run.code}\n${run.stderr}`);
      copies.push(copy);
    }
    const after = countTargets(copies);
    const result = {
      files: before.totals.files,
      before: before.totals.callbacks,
      after: after.totals.callbacks,
      removed: before.totals.callbacks - after.totals.callbacks,
      forwardingCatchesBefore: before.totals.forwardingCatches,
      forwardingCatchesAfter: after.totals.forwardingCatches,
      parseErrorsAfter: after.totals.parseErrors,
    };
    if (asJson) console.log(JSON.stringify(result));
    else {
      if (perFile) {
        for (const [i, file] of after.files.entries()) {
          console.log(`${before.files[i].callbacks.length} -> ${file.callbacks.length}\t${path.relative(process.cwd(), before.files[i].file)}`);
        }
      }
      console.log(removedLine(result.before, result.after));
      console.log(`forwarding catch blocks: ${result.forwardingCatchesBefore} before, ${result.forwardingCatchesAfter} after; files: ${result.files}`);
    }
    for (const file of after.files) if (file.parseError !== undefined) console.error(`does not parse after conversion: ${file.file}: ${file.parseError}`);
    return result.parseErrorsAfter > 0 ? 1 : 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `{ literals, parameters, total }` for one source text: the error-first
 * arguments, the functions that call their callback parameter, and the
 * callbacks (a function that is both counts once in `total`). Throws when
 * the text does not parse.
 */
function countCallbacks(text, file) {
  const count = callbackCount.countCallbacks(text, file);
  if (count.parseError !== undefined) throw new Error(count.parseError);
  const withKind = (kind) => count.callbacks.filter((site) => site.kinds.includes(kind)).length;
  return { literals: withKind('error-first-argument'), parameters: withKind('callback-parameter'), total: count.callbacks.length };
}

module.exports = { countCallbacks };

if (require.main === module) {
  main().then((code) => { process.exitCode = code; }, (error) => { console.error(error); process.exitCode = 2; });
}
