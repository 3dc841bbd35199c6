#!/usr/bin/env node
/**
 * Counts the callbacks of JavaScript sources, for the real-code evaluation
 * (scripts/evaluate-packages.js, docs/evaluation/packages.md):
 *
 * - a callback literal: a function expression or arrow passed as the last
 *   argument of a call (or `new`) whose first parameter is named like an
 *   error (`e`, `er`, `err`, `error`, `…Err`, `…Error`, as in the conversion's
 *   own test in rules/convert/inference/detect.ts, and also with a digit after
 *   it or `_` before it: `er2`, `_err`);
 * - a callback parameter: a parameter named `cb`, `callback`, `done`, `next`
 *   or `fn` that the function's body calls (`cb(…)`, also from nested
 *   functions that do not declare the name again).
 *
 * A function taking `cb` and calling it, and the `function (err, data)`
 * handed to it, count one each.
 *
 *   node scripts/count-callbacks.js file.js…     # prints per-file and total counts
 */
'use strict';
const fs = require('node:fs');
const { parse } = require('@typescript-eslint/typescript-estree');

const ERROR_NAME = /^_?(?:e|er|err|error|\w*(?:Err|Error))\d*$/;
const CALLBACK_NAMES = new Set(['cb', 'callback', 'done', 'next', 'fn']);
const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function isFunction(node) {
  return node !== null && typeof node === 'object' && FUNCTION_TYPES.has(node.type);
}

function children(node) {
  const result = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object' && typeof item.type === 'string') result.push(item);
    } else if (value !== null && typeof value === 'object' && typeof value.type === 'string') {
      result.push(value);
    }
  }
  return result;
}

/** Names a function binds for its whole body: parameters and `var`/function declarations (shallow enough for shadowing). */
function declares(fn, name) {
  if (fn.params.some((param) => param.type === 'Identifier' && param.name === name)) return true;
  let found = false;
  const visit = (node) => {
    if (found) return;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name) found = true;
    if (node.type === 'FunctionDeclaration' && node.id?.name === name) found = true;
    for (const child of children(node)) if (!isFunction(child)) visit(child);
  };
  visit(fn.body);
  return found;
}

/** Whether `name` is called inside `node`, not counting nested functions that bind it again. */
function callsName(node, name) {
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === name) return true;
  return children(node).some((child) => !(isFunction(child) && declares(child, name)) && callsName(child, name));
}

/** `{ literals, parameters, total, samples }` for one source text. */
function countCallbacks(text) {
  const ast = parse(text, { loc: true, range: false, comment: false, jsx: false, errorOnUnknownASTType: false });
  const counts = { literals: 0, parameters: 0, total: 0, lines: [] };
  const visit = (node) => {
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && node.arguments.length > 0) {
      const last = node.arguments[node.arguments.length - 1];
      if (isFunction(last) && last.params[0]?.type === 'Identifier' && ERROR_NAME.test(last.params[0].name)) {
        counts.literals += 1;
        counts.lines.push(`${last.loc.start.line} literal`);
      }
    }
    if (isFunction(node)) {
      for (const param of node.params) {
        if (param.type === 'Identifier' && CALLBACK_NAMES.has(param.name) && callsName(node.body, param.name)) {
          counts.parameters += 1;
          counts.lines.push(`${param.loc.start.line} parameter ${param.name}`);
        }
      }
    }
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  counts.total = counts.literals + counts.parameters;
  return counts;
}

module.exports = { countCallbacks };

if (require.main === module) {
  const totals = { literals: 0, parameters: 0, total: 0 };
  for (const file of process.argv.slice(2)) {
    const counts = countCallbacks(fs.readFileSync(file, 'utf8'));
    console.log(`${file}: ${counts.total} (${counts.literals} literals, ${counts.parameters} parameters)`);
    for (const key of Object.keys(totals)) totals[key] += counts[key];
  }
  console.log(`total: ${totals.total} (${totals.literals} literals, ${totals.parameters} parameters)`);
}
