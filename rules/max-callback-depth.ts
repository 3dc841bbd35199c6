import { isTypeScriptFile } from './convert/typescript-file';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { conversionSuggestion, convertAround } from './convert';
import { findCallbackSite, levelLabel, type InlineFunction } from './callback-depth/callback-site';
import { classifyCallback, type ClassifyContext } from './callback-depth/classify-callback';
import { createRule } from './shared/create-rule';
import { getTypeServices } from './shared/parser-services';

export type Options = [
  {
    /** Deepest nesting of asynchronous callbacks allowed. */
    max?: number;
    /** Callees whose callbacks never count: a name (`waterfall`) or the callee as written (`async.waterfall`). */
    ignore?: string[];
    /** Count array-method callbacks, test-framework blocks and module wrappers too, like ESLint's `max-nested-callbacks`. */
    countSyncCallbacks?: boolean;
  },
];

export type MessageIds = 'tooDeep' | 'convertPyramid';

const DEFAULT_MAX = 3;
/** Longer chains show their ends only: the depth in the message still tells the whole story. */
const MAX_LEVELS_SHOWN = 8;
const LEVELS_SHOWN_AT_START = 4;
const LEVELS_SHOWN_AT_END = 3;

/** One counted callback on the way down, and the deepest chain found below it so far. */
interface Level {
  readonly fn: InlineFunction;
  /** The call the callback is passed to. */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly label: string;
  deepestBelow: readonly string[];
}

export const maxCallbackDepth = createRule<Options, MessageIds>({
  name: 'max-callback-depth',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Limit the nesting of asynchronous callbacks (callback pyramids), not of array or test callbacks',
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          max: {
            type: 'integer',
            minimum: 0,
            description: 'Deepest nesting of asynchronous callbacks allowed (default 3).',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: "Callees whose callbacks never count: a name ('waterfall') or the callee as written ('async.waterfall').",
          },
          countSyncCallbacks: {
            type: 'boolean',
            description: "Count array-method callbacks, test-framework blocks and module wrappers too, like ESLint's max-nested-callbacks.",
          },
        },
      },
    ],
    messages: {
      tooDeep:
        'Callback pyramid `{{chain}}`: depth {{depth}}, max {{max}}. Flatten it with async/await or named functions.',
      convertPyramid: 'Convert the pyramid to async/await{{note}}.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const max = options.max ?? DEFAULT_MAX;
    const countSyncCallbacks = options.countSyncCallbacks ?? false;
    const classifyContext: ClassifyContext = {
      sourceCode: context.sourceCode,
      services: getTypeServices(context),
      ignore: new Set(options.ignore ?? []),
    };
    const levels: Level[] = [];
    /** Crossing callbacks waiting for their call to end: `.then(onDone, onFail)` is one pyramid, not two. */
    const pending = new Map<TSESTree.Node, { fn: InlineFunction; chain: string[] }>();

    function countedLevel(fn: InlineFunction): Level | undefined {
      const site = findCallbackSite(fn);
      if (site === undefined) return undefined;
      const kind = classifyCallback(fn, site, classifyContext);
      const counts = kind === 'async' || (countSyncCallbacks && kind !== 'ignored');
      return counts ? { fn, call: site.call, label: levelLabel(site), deepestBelow: [] } : undefined;
    }

    function enter(fn: InlineFunction): void {
      const level = countedLevel(fn);
      if (level !== undefined) levels.push(level);
    }

    function exit(fn: InlineFunction): void {
      const level = levels[levels.length - 1];
      if (level?.fn !== fn) return;
      levels.pop();
      const chainFromHere = [level.label, ...level.deepestBelow];
      const parent = levels[levels.length - 1];
      if (parent !== undefined && chainFromHere.length > parent.deepestBelow.length) parent.deepestBelow = chainFromHere;
      // Only the callbacks that cross `max` report, with the deepest chain under them: one report per pyramid.
      if (levels.length !== max) return;
      const chain = [...levels.map((outer) => outer.label), ...chainFromHere];
      const sibling = pending.get(level.call);
      if (sibling === undefined || chain.length > sibling.chain.length) pending.set(level.call, { fn, chain });
    }

    function reportPyramid(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const pyramid = pending.get(call);
      if (pyramid === undefined) return;
      pending.delete(call);
      // The conversion flattens the whole pyramid around this call, when it can do so safely.
      const conversion = call.type === AST_NODE_TYPES.CallExpression ? convertAround(context.sourceCode, call, classifyContext.services, isTypeScriptFile(context.filename)) : undefined;
      context.report({
        node: pyramid.fn,
        loc: headLocation(pyramid.fn, context.sourceCode),
        messageId: 'tooDeep',
        data: { chain: chainText(pyramid.chain), depth: pyramid.chain.length, max },
        suggest: conversion?.kind === 'converted' ? [conversionSuggestion(conversion, 'convertPyramid')] : null,
      });
    }

    return {
      ArrowFunctionExpression: enter,
      FunctionExpression: enter,
      'ArrowFunctionExpression:exit': exit,
      'FunctionExpression:exit': exit,
      'CallExpression:exit': reportPyramid,
      'NewExpression:exit': reportPyramid,
    };
  },
});

function chainText(chain: readonly string[]): string {
  if (chain.length <= MAX_LEVELS_SHOWN) return chain.join(' → ');
  const hidden = chain.length - LEVELS_SHOWN_AT_START - LEVELS_SHOWN_AT_END;
  return [...chain.slice(0, LEVELS_SHOWN_AT_START), `(${hidden} more)`, ...chain.slice(-LEVELS_SHOWN_AT_END)].join(' → ');
}

/** The function's head (`(err, data) =>`, `function (err)`): the body may be a hundred lines. */
function headLocation(fn: InlineFunction, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.SourceLocation {
  const beforeBody = sourceCode.getTokenBefore(fn.body);
  return { start: fn.loc.start, end: beforeBody === null ? fn.loc.end : beforeBody.loc.end };
}
