import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import plugin from '../../rules/index';
import { fileFacts, localFunctionNames } from '../../rules/shared/file-facts';
import { isFunctionNode } from '../../rules/shared/async-context';
import { resolveModuleMemberUncached } from '../../rules/shared/module-references';
import { FIXTURE_PROJECT } from '../rules/rule-tester';

/**
 * The per-file analysis (rules/shared/file-facts.ts) is shared by the rules:
 * two rules linting one file read one memo, and what the memo answers is
 * what a fresh resolution gives. Both without and with type information.
 */
const CODE = `
const fs = require('fs');
const { readFileSync } = require('fs');
const read = fs.readFile;
async function load(path, callback) {
  const text = readFileSync(path, 'utf8');
  fs.readFile(path, function (err, data) {
    if (err) return callback(err);
    read(path + '.bak', (error, backup) => callback(null, data, backup, text));
  });
  fs.stat(path, (err) => callback(err));
}
module.exports = load;
`;

interface Seen {
  facts: ReturnType<typeof fileFacts> | undefined;
  sourceCode: Readonly<TSESLint.SourceCode> | undefined;
}

function lint(rules: readonly string[], typeAware: boolean, code = CODE): { seen: Seen; messages: Linter.LintMessage[] } {
  const seen: Seen = { facts: undefined, sourceCode: undefined };
  const probe = {
    create(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) {
      return {
        'Program:exit'(): void {
          seen.sourceCode = context.sourceCode;
          seen.facts = fileFacts(context.sourceCode);
        },
      };
    },
  };
  const parserOptions = typeAware ? { project: './tsconfig.json', tsconfigRootDir: FIXTURE_PROJECT } : {};
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { 'async-guard': plugin as never, probe: { rules: { probe } } as never },
        languageOptions: { parser: tsParser, parserOptions, sourceType: 'commonjs' },
        rules: { ...Object.fromEntries(rules.map((rule) => [`async-guard/${rule}`, 'warn'])), 'probe/probe': 'warn' },
      },
    ],
    path.join(FIXTURE_PROJECT, 'script.js'),
  );
  return { seen, messages };
}

const RULES = ['no-sync-in-async', 'prefer-async-await'] as const;

for (const typeAware of [false, true]) {
  describe(`shared per-file analysis (${typeAware ? 'type-aware' : 'syntactic'})`, () => {
    // The first type-aware lint builds the TypeScript program; counting
    // starts after it, so only the rules' own questions are compared (a CI
    // run once counted 15 lookups for both rules against 7 for each alone).
    before(() => {
      lint(RULES, typeAware);
    });

    it('two rules on one file read the same memo: every node is resolved once, the second rule reads the first one’s answers', () => {
      const alone = RULES.map((rule) => lint([rule], typeAware).seen.facts);
      const both = lint(RULES, typeAware).seen.facts;
      assert.ok(both !== undefined && alone.every((facts) => facts !== undefined));
      const lookupsAlone = alone.reduce((sum, facts) => sum + (facts?.memberLookups ?? 0), 0);
      // The same questions are asked with both rules on as with each alone…
      assert.equal(both.memberLookups, lookupsAlone);
      // …but the nodes both rules ask about are resolved once, not once per rule.
      const union = new Set<string>();
      for (const facts of alone) for (const node of facts?.members.keys() ?? []) union.add(`${node.range[0]}:${node.range[1]}:${node.type}`);
      assert.equal(both.members.size, union.size);
      assert.ok(both.members.size < alone.reduce((sum, facts) => sum + (facts?.members.size ?? 0), 0), 'the rules share some nodes');
      assert.ok(both.members.size < both.memberLookups, 'some lookups were answered by the memo');
    });

    it('answers what a fresh resolution gives, and the findings are those of each rule alone', () => {
      const { seen, messages } = lint(RULES, typeAware);
      const { facts, sourceCode } = seen;
      assert.ok(facts !== undefined && sourceCode !== undefined);
      assert.ok(facts.members.size > 0);
      let resolved = 0;
      for (const [node, memo] of facts.members) {
        assert.deepEqual(memo ?? undefined, resolveModuleMemberUncached(node, sourceCode), sourceCode.getText(node));
        if (memo !== null) resolved++;
      }
      assert.ok(resolved > 0, 'some callees resolve to fs members');
      const fsMembers = [...facts.members.values()].flatMap((member) => (member === null ? [] : [`${member.module}:${member.path.join('.')}`]));
      for (const expected of ['fs:readFile', 'fs:readFileSync', 'fs:stat']) assert.ok(fsMembers.includes(expected), expected);
      const alone = RULES.flatMap((rule) => lint([rule], typeAware).messages);
      const key = (message: Linter.LintMessage): string => JSON.stringify([message.ruleId, message.line, message.column, message.message, message.suggestions]);
      assert.deepEqual(messages.map(key).sort(), alone.map(key).sort());
      assert.ok(messages.length > 0);
    });
  });
}

/** A call both prefer-async-await and no-unchecked-callback-error report, each with the same conversion as a suggestion. */
const CONVERTIBLE = `
const fs = require('fs');
async function copy(a, b) {
  fs.readFile(a, function (err, data) {
    fs.writeFile(b, data, function (error) {
      console.log('done');
    });
  });
}
function size(p, done) {
  fs.stat(p, function (err, st) {
    done(st.size);
  });
}
const onRead = function (err, text) { console.log(text); };
let later = () => {};
later = null;
fs.readFile('c', onRead);
fs.readFile('d', later);
fs.readFile('e', size);
fs.readFile('f', undefinedName);
`;

for (const typeAware of [false, true]) {
  describe(`shared conversions and local function names (${typeAware ? 'type-aware' : 'syntactic'})`, () => {
    it('one conversion per callback call, whichever rule asks first; the findings and suggestions are those of each rule alone', () => {
      const rules = ['prefer-async-await', 'no-unchecked-callback-error'] as const;
      const alone = rules.map((rule) => lint([rule], typeAware, CONVERTIBLE));
      const both = lint(rules, typeAware, CONVERTIBLE);
      const facts = both.seen.facts;
      assert.ok(facts !== undefined && facts.conversionMode !== undefined);
      const keys = (found: Seen): string[] => [...(found.facts?.conversions.keys() ?? [])].map((call) => `${call.range[0]}:${call.range[1]}`).sort();
      // With both rules on, the memo holds the calls either rule alone converts, each once: the second rule reads the first one's.
      assert.ok(facts.conversions.size > 0);
      assert.deepEqual(keys(both.seen), [...new Set(alone.flatMap((one) => keys(one.seen)))].sort());
      const [preferAlone, uncheckedAlone] = alone.map((one) => new Set(keys(one.seen)));
      assert.ok([...(uncheckedAlone ?? [])].some((call) => preferAlone?.has(call)), 'some call is converted by both rules');
      const key = (message: Linter.LintMessage): string => JSON.stringify([message.ruleId, message.line, message.column, message.message, message.suggestions]);
      assert.deepEqual(both.messages.map(key).sort(), alone.flatMap((one) => one.messages).map(key).sort());
      assert.ok(both.messages.some((message) => message.ruleId === 'async-guard/prefer-async-await'));
      assert.ok(both.messages.some((message) => message.ruleId === 'async-guard/no-unchecked-callback-error' && message.suggestions?.some((suggestion) => suggestion.messageId === 'convertToAwait')));
    });

    it('every identifier bound to a local function by a scope lookup is among the local function names', () => {
      const { seen } = lint(['no-unchecked-callback-error'], typeAware, CONVERTIBLE);
      const sourceCode = seen.sourceCode;
      assert.ok(sourceCode !== undefined);
      const names = localFunctionNames(sourceCode);
      assert.ok(names !== undefined);
      let functions = 0;
      const visit = (node: TSESTree.Node): void => {
        if (node.type === AST_NODE_TYPES.Identifier) {
          const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
          const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          const bound = definition?.node.type === AST_NODE_TYPES.FunctionDeclaration || (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init !== null && isFunctionNode(definition.node.init));
          if (bound) {
            functions++;
            assert.ok(names.has(node.name), node.name);
          }
        }
        for (const child of Object.values(sourceCode.visitorKeys[node.type] ?? []).flatMap((childKey) => [(node as unknown as Record<string, unknown>)[childKey]].flat())) {
          if (child !== null && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
        }
      };
      visit(sourceCode.ast);
      assert.ok(functions >= 4, 'copy, size, onRead, later are referenced');
      assert.ok(!names.has('undefinedName') && !names.has('fs'));
    });
  });
}
