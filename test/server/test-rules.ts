/**
 * Rules the server loads only in tests (`ASYNC_GUARD_TEST_RULES`): an
 * autofix, a rule that throws, and a stand-in for `prefer-async-await` with
 * a predictable suggestion, so every code action kind is exercised while the
 * real rules are still being written.
 */
import type { Rule } from 'eslint';

const testFixable: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    fixable: 'code',
    docs: { url: 'https://example.invalid/test-fixable' },
    messages: { rename: 'Rename `oldName` to `newName`.' },
    schema: [],
  },
  create(context) {
    return {
      Identifier(node) {
        if (node.name !== 'oldName') return;
        context.report({ node, messageId: 'rename', fix: (fixer) => fixer.replaceText(node, 'newName') });
      },
    };
  },
};

const testCrash: Rule.RuleModule = {
  meta: { type: 'problem', messages: { never: 'never reported' }, schema: [] },
  create() {
    return {
      Identifier(node) {
        if (node.name === 'crashMe') throw new Error('test-crash: deliberate failure');
      },
    };
  },
};

/** Ends the type-aware lint worker thread (never the server: only used off the main thread) on `exitWorker`. */
const testExitWorker: Rule.RuleModule = {
  meta: { type: 'problem', messages: { never: 'never reported' }, schema: [] },
  create() {
    return {
      Identifier(node) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: test-only
        if (node.name === 'exitWorker' && !(require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread) process.exit(3);
      },
    };
  },
};

/** `p.then(fn)` → `fn(await p)`: not a real conversion, a predictable one. */
const preferAsyncAwait: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: { url: 'https://example.invalid/prefer-async-await' },
    messages: { preferAwait: 'Use await.', convert: 'Convert `.then()` to await' },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      CallExpression(node) {
        const callee = node.callee;
        const [callback] = node.arguments;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'then') return;
        if (callback === undefined || node.arguments.length !== 1) return;
        const text = `(${sourceCode.getText(callback)})(await ${sourceCode.getText(callee.object)})`;
        context.report({
          node,
          messageId: 'preferAwait',
          suggest: [{ messageId: 'convert', fix: (fixer) => fixer.replaceText(node, text) }],
        });
      },
    };
  },
};

export = {
  rules: { 'test-fixable': testFixable, 'test-crash': testCrash, 'test-exit-worker': testExitWorker, 'prefer-async-await': preferAsyncAwait },
  configs: { recommended: { rules: { 'async-guard/test-fixable': 'warn', 'async-guard/test-crash': 'warn', 'async-guard/test-exit-worker': 'warn' } } },
};
