import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { canonicalMember, lookupApi, type ModuleMember } from './knowledge/lookup';
import type { NodeApi } from './knowledge/node-apis';
import { planImport } from './shared/add-import';
import { findAsyncContext, functionName, type AsyncContext } from './shared/async-context';
import { createRule } from './shared/create-rule';
import { resolveModuleMember } from './shared/module-references';
import { needsParenthesesAsAwaitOperand } from './shared/precedence';
import { getTypeServices } from './shared/parser-services';
import { resolveModuleMemberByType } from './shared/type-module-member';
import { calleeName } from './shared/callee-name';
import { runsOnceAtLoad } from './sync-in-async/runs-once';

export type Options = [
  {
    /** Extra blocking functions: `'module.name'` (resolved through imports) or the callee as written (`'db.querySync'`). */
    blocking?: string[];
    /** Blocking functions that are fine here, in the same forms (`'fs.existsSync'`). */
    allow?: string[];
  },
];

export type MessageIds = 'blockingCall' | 'useAwait';

interface BlockingCall {
  /** `fs.readFileSync`, for messages and option matching. */
  readonly qualifiedName: string;
  readonly api: NodeApi | undefined;
}

export const noSyncInAsync = createRule<Options, MessageIds>({
  name: 'no-sync-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow blocking synchronous calls inside async functions and the synchronous callbacks they run',
      recommended: true,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          blocking: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: "Extra blocking functions: 'module.name' (resolved through imports) or the callee as written.",
          },
          allow: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Blocking functions allowed anyway, in the same forms.',
          },
        },
      },
    ],
    messages: {
      blockingCall:
        '`{{name}}` blocks the event loop inside {{where}}: every other request waits until it returns. {{advice}}',
      useAwait: 'Replace with `await {{replacement}}(…)` from {{module}}.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const services = getTypeServices(context);
    const extraBlocking = new Set(options.blocking ?? []);
    const allowed = new Set(options.allow ?? []);
    const extraLastNames = new Set([...extraBlocking].map(lastSegment));

    function classify(call: TSESTree.CallExpression): BlockingCall | undefined {
      const name = calleeName(call.callee);
      if (name === undefined) return undefined;
      // Cheap filter first: scope and type work only for plausible names.
      // A plain identifier may be an alias (`const read = fs.readFileSync`), so it is always resolved.
      const plausible = name.endsWith('Sync') || name === 'wait' || extraLastNames.has(name);
      if (!plausible && call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
      const member =
        resolveModuleMember(call.callee, sourceCode) ??
        (services === undefined || !plausible ? undefined : resolveModuleMemberByType(call.callee, services));
      const api = member === undefined ? undefined : lookupApi(member);
      // Most calls end here: text and names are built only for a blocking or user-listed callee.
      if (api?.kind !== 'blocking' && extraBlocking.size === 0) return undefined;
      const writtenName = sourceCode.getText(call.callee).replace(/\s+/g, '');
      const canonical = member === undefined ? undefined : canonicalMember(member);
      const qualifiedName = canonical === undefined ? writtenName : qualify(canonical);
      if (allowed.has(qualifiedName) || allowed.has(writtenName)) return undefined;
      if (api?.kind === 'blocking') return { qualifiedName, api };
      if (extraBlocking.has(qualifiedName) || (isLocallyWritten(member) && extraBlocking.has(writtenName))) {
        return { qualifiedName: writtenName, api: undefined };
      }
      return undefined;
    }

    return {
      CallExpression(call) {
        const blocking = classify(call);
        if (blocking === undefined) return;
        const asyncContext = findAsyncContext(call);
        if (asyncContext === undefined) return;
        // `async function main() { … } main()`: startup, nothing else in flight to block.
        if (runsOnceAtLoad(asyncContext.asyncFunction, sourceCode)) return;
        const suggestion = buildSuggestion(call, blocking, asyncContext);
        context.report({
          node: call,
          messageId: 'blockingCall',
          data: {
            name: blocking.qualifiedName,
            where: describeContext(asyncContext),
            advice: advice(blocking, suggestion !== undefined),
          },
          suggest: suggestion === undefined ? null : [suggestion],
        });
      },
    };

    function buildSuggestion(
      call: TSESTree.CallExpression,
      blocking: BlockingCall,
      asyncContext: AsyncContext,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const promise = blocking.api?.promise;
      // `await` is legal only directly in the async function, not in a callback inside it.
      if (promise?.kind !== 'module' || asyncContext.viaCallbacks.length > 0) return undefined;
      if (call.optional || call.callee.type === AST_NODE_TYPES.ChainExpression) return undefined;
      // Rewriting the callee would drop a comment written inside it.
      if (sourceCode.getCommentsInside(call.callee).length > 0) return undefined;
      const plan = planImport(sourceCode, call, promise.module, promise.name);
      if (plan === undefined) return undefined;
      const parenthesize = needsParenthesesAsAwaitOperand(call);
      return {
        messageId: 'useAwait',
        data: { replacement: plan.reference, module: `'node:${promise.module}'` },
        fix(fixer) {
          const fixes = [
            fixer.replaceText(call.callee, plan.reference),
            fixer.insertTextBefore(call, parenthesize ? '(await ' : 'await '),
          ];
          if (parenthesize) fixes.push(fixer.insertTextAfter(call, ')'));
          if (plan.fix !== undefined) fixes.push(plan.fix(fixer));
          return fixes;
        },
      };
    }
  },
});

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function qualify(canonical: { module: string; name: string }): string {
  return canonical.module === '' ? canonical.name : `${canonical.module}.${canonical.name}`;
}

/** A callee that resolves to no module (a local function or object) or to a global. */
function isLocallyWritten(member: ModuleMember | undefined): boolean {
  return member === undefined || member.module === '';
}

function describeContext(asyncContext: AsyncContext): string {
  const name = functionName(asyncContext.asyncFunction);
  const fn = name === undefined ? 'an async function' : `async function '${name}'`;
  return asyncContext.viaCallbacks.length === 0 ? fn : `a callback that runs inside ${fn}`;
}

function advice(blocking: BlockingCall, hasSuggestion: boolean): string {
  const api = blocking.api;
  const promise = api?.promise;
  if (promise?.kind === 'module') {
    return hasSuggestion
      ? `Use \`await ${promise.name}(…)\` from 'node:${promise.module}'.`
      : `Use \`${promise.name}\` from 'node:${promise.module}' and await it.`;
  }
  if (promise?.kind === 'promisify' && api?.asyncName !== undefined) {
    return `Use \`await promisify(${api.module}.${api.asyncName})(…)\` from 'node:util'.`;
  }
  if (api?.asyncName !== undefined) return `Use the asynchronous \`${api.asyncName}\` instead, or move this out of the async path.`;
  return 'Move it out of the async path, or run it in a worker thread.';
}
