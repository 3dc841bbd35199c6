import { isTypeScriptFile } from './convert/typescript-file';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ERROR_FIRST_CALLBACK_PARAMETER_NAMES, ERROR_PARAMETER_PATTERN, LISTENER_REMOVAL_METHODS } from './knowledge/callback-apis';
import { errorGuardOf } from './callback-error/error-guards';
import { errorListenerOf } from './callback-error/error-listeners';
import { readsStderr, reportsFailureAnyway } from './callback-error/failure-reported';
import { hasIntentComment, isCleanupCall, isLogArgument, isRejectionHandler, iteratorNeverFails, marksIgnoredError, onlyLogs } from './callback-error/deliberate-ignore';
import { addReturnFix, forwardTarget, freshErrorName, insertAtStartFix, returnFromShortCircuitFix } from './callback-error/suggestions';
import { conversionSuggestion, convertAround } from './convert';
import { alwaysExits, classifyErrorUse, isUnsafeResultUse, statementsAfter } from './callback-error/error-uses';
import type { FunctionNode } from './shared/async-context';
import { createRule } from './shared/create-rule';
import {
  classifyCallbackArgument,
  errorParameterIdentifier,
  functionOfArgument,
  parametersOf,
  type ErrorFirstCallback,
} from './shared/error-first-callback';
import { errorParameterVerdict } from './shared/error-parameter-type';
import { getModuleStyle } from './shared/module-style';
import { getTypeServices } from './shared/parser-services';

export type Options = [
  {
    /** Names of a callback's first parameter that mark it as error-first when neither the table nor types decide. */
    errorParameterPattern?: string;
    /** Parameter names that hold the enclosing function's own error-first callback, for the "forward the error" suggestion. */
    callbackParameterNames?: string[];
    /** Whether `fs.close(fd, () => {})`, an empty callback declaring no parameter, counts as ignoring the error on purpose. */
    allowEmptyCallbacks?: boolean;
  },
];

export type MessageIds = 'unchecked' | 'usedBeforeCheck' | 'continuesAfterError' | 'swallowedErrorEvent' | 'insertCheck' | 'addReturn' | 'convertToAwait';

type Variable = TSESLint.Scope.Variable;

/** One mention of the error: the node standing for it (`err`, or `arguments[0]`) and what is done with it. */
interface ErrorMention {
  readonly node: TSESTree.Node;
  readonly use: ReturnType<typeof classifyErrorUse>;
}

const MAX_CALLEE_LENGTH = 40;

export const noUncheckedCallbackError = createRule<Options, MessageIds>({
  name: 'no-unchecked-callback-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the error of an error-first callback to be checked before the results are used, and the callback to stop after handling it',
      recommended: true,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          errorParameterPattern: {
            type: 'string',
            minLength: 1,
            description:
              'Regular expression for the names of a first parameter that make a callback error-first when the callee is not a known API and types do not decide. Names starting with `_` are never reported.',
          },
          allowEmptyCallbacks: {
            type: 'boolean',
            description: 'Treat an empty callback that declares no parameter (`fs.close(fd, () => {})`) as ignoring the error on purpose, like `(_err) => {}`. Default true.',
          },
          callbackParameterNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: "Names of an enclosing function's own callback parameter, used by the suggestion that forwards the error (`if (err) return callback(err);`).",
          },
        },
      },
    ],
    messages: {
      unchecked:
        'The error {{error}} that {{callee}} passes to this callback is never checked: when the call fails, the failure is silently lost and the code goes on without results.',
      usedBeforeCheck:
        '`{{result}}` is used before the error `{{error}}` is checked: when {{callee}} fails, `{{result}}` is missing and this line throws or passes garbage on. Check the error first.',
      continuesAfterError:
        'The error `{{error}}` is handled here, but the callback goes on as if it were not: {{consequence}}. Return after handling it.',
      swallowedErrorEvent:
        "This 'error' listener on {{emitter}} never looks at the error `{{error}}`, and no other 'error' listener on {{emitter}} does: the failure is silently lost (with a listener there, the emitter no longer throws it either). Pass the error on, log it or rethrow it; name it `_{{error}}` to drop it on purpose.",
      insertCheck: 'Insert `{{code}}` at the start of the callback.',
      addReturn: 'Return after handling the error.',
      convertToAwait: 'Convert to async/await: the error then rejects the async function{{note}}.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const services = getTypeServices(context);
    const { errorParameterPattern, callbackNames } = compiledOptions(options);
    // Read only by a fix: the module style is not worked out for files with nothing to fix.
    const semicolon = (): string => (getModuleStyle(sourceCode).semicolon ? ';' : '');
    const allowEmptyCallbacks = options.allowEmptyCallbacks ?? true;
    const checked = new WeakSet<FunctionNode>();
    /** Every `'error'` listener added in the file; `fn` is set when it swallows the error. */
    const errorListeners: { emitterText: string; fn: FunctionNode | undefined }[] = [];

    function checkCall(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const errorListener = errorListenerOf(call);
      if (errorListener !== undefined) {
        checkErrorListener(errorListener.emitter, errorListener.listener);
        return;
      }
      call.arguments.forEach((argument, index) => {
        const fn = functionOfArgument(argument, sourceCode);
        if (fn === undefined || checked.has(fn)) return;
        const callback = classifyCallbackArgument(call, index, fn, sourceCode, services, { errorParameterPattern });
        if (callback === undefined) return;
        checked.add(fn);
        checkCallback(callback);
      });
    }

    function checkCallback(callback: ErrorFirstCallback): void {
      const { fn } = callback;
      // Q's `.fail`, when.js's `.otherwise`: a rejection reason, not an error-first call.
      if (isRejectionHandler(callback.call)) return;
      // The final callback of `async.each(xs, (x, next) => next(), done)`: its error is always null.
      if (iteratorNeverFails(callback.call, fn, sourceCode)) return;
      const params = parametersOf(fn);
      const first = params[0];
      const errorIdentifier = errorParameterIdentifier(fn);
      // A destructured or rest first parameter: the error is not a name we can follow.
      if (first !== undefined && errorIdentifier === undefined) return;
      if (errorIdentifier?.name.startsWith('_') === true) return;
      // Only a table entry or the checker can say a parameter-less callback drops an error.
      if (first === undefined && callback.evidence.kind === 'name') return;
      // `fs.close(fd, () => {})`: an empty callback without parameters is as explicit as `_err`.
      if (first === undefined && allowEmptyCallbacks && isEmptyFunction(fn)) return;
      // `fs.unlink(tmp, () => next())`: a cleanup step whose callback does not even name the error.
      if (first === undefined && allowEmptyCallbacks && isCleanupCall(callback.call) && !fn.async && !mentionsAnError(fn)) return;
      const mentions = errorMentions(fn, errorIdentifier);
      // A validator's `(err) => { … err(false); }`: the first parameter is a function to call, not an error.
      if (errorIdentifier !== undefined && mentions.some((mention) => mention.node.parent?.type === AST_NODE_TYPES.CallExpression && mention.node.parent.callee === mention.node)) return;
      const callee = describeCallee(callback);
      const looked = mentions.filter((mention) => mention.use !== 'ignored');
      const resultVariables = resultVariablesOf(fn);
      if (looked.length === 0) {
        // `(er, p) => { if (p && p === wanted) … }`: the missing result is the failure signal, and it is handled.
        const testsResult = resultVariables.some((variable) => variable.references.some((reference) => isDirectTest(reference.identifier)));
        // `// ignore errors (the file may not exist)`: said on purpose.
        // `fs.close(fd, () => reject(er))`: a failure is reported whatever this error is.
        const failureReported = reportsFailureAnyway(fn, callbackNames, errorParameterPattern, sourceCode) || readsStderr(callback.call, fn, sourceCode);
        if (!testsResult && !failureReported && !marksIgnoredError(fn, callback.call, sourceCode)) reportUnchecked(callback, errorIdentifier, callee);
        return;
      }
      const errorName = errorIdentifier?.name ?? 'arguments[0]';
      // Only the table's APIs are known to leave the results out on failure. An unknown callee may
      // deliver partial results with the error (async's `map` does), so a callback that never tests
      // the error and hands it on with what it computed is a pass-through, not a use before a check.
      const resultsMissingOnError =
        callback.evidence.kind === 'api' ? callback.evidence.api.resultsOnError !== true : looked.some((mention) => mention.use === 'test');
      if (resultsMissingOnError) reportUseBeforeCheck(fn, looked, resultVariables, errorName, callee);
      for (const mention of looked) reportContinuation(fn, mention, mentions, resultVariables, errorName);
    }

    /**
     * `stream.on('error', (err) => {})`: a listener that never looks at the error it is given.
     * Reported at the end of the file, and only when no other `'error'` listener on the same
     * emitter (as written) handles the error: a second listener that only cleans up swallows nothing.
     */
    function checkErrorListener(emitter: TSESTree.Expression, listener: TSESTree.Node): void {
      const emitterText = sourceCode.getText(emitter).replace(/\s+/g, ' ');
      const fn = functionOfArgument(listener, sourceCode);
      const swallowing = fn !== undefined && !checked.has(fn) && swallowsError(fn, listener);
      if (fn !== undefined) checked.add(fn);
      errorListeners.push({ emitterText, fn: swallowing ? fn : undefined });
    }

    function swallowsError(fn: FunctionNode, listener: TSESTree.Node): boolean {
      const errorIdentifier = errorParameterIdentifier(fn);
      // No parameter: the listener reacts to the failure (marks a request failed, cleans up); the error may be kept elsewhere.
      if (errorIdentifier === undefined || errorIdentifier.name.startsWith('_')) return false;
      // The checker may know the listener gets no error (`(e: MouseEvent) => …` of an emitter of its own).
      if (services !== undefined && errorParameterVerdict(listener, fn, services) === 'not-error') return false;
      // `client.on('error', ignore)` … `client.removeListener('error', ignore)`: silenced for a while, on purpose.
      if (isRemovedLater(listener)) return false;
      // A listener that uses the error (most do) is answered from its references, before any walk of its body.
      if (errorMentions(fn, errorIdentifier).some((mention) => mention.use !== 'ignored')) return false;
      // `throw new Error('upload failed')`: the failure surfaces, if not its cause.
      if (throwsOwnError(fn)) return false;
      // `stream.on('error', (err) => {}); // stdout errors on close`: an empty listener with its reason.
      return listener.parent === undefined || !marksIgnoredError(fn, listener.parent, sourceCode);
    }

    function isRemovedLater(listener: TSESTree.Node): boolean {
      if (listener.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(listener), listener);
      return (
        variable?.references.some((reference) => {
          const call = reference.identifier.parent;
          return (
            call?.type === AST_NODE_TYPES.CallExpression &&
            call.arguments[1] === reference.identifier &&
            call.callee.type === AST_NODE_TYPES.MemberExpression &&
            call.callee.property.type === AST_NODE_TYPES.Identifier &&
            LISTENER_REMOVAL_METHODS.has(call.callee.property.name)
          );
        }) ?? false
      );
    }

    function reportSwallowingListeners(): void {
      for (const { emitterText, fn } of errorListeners) {
        if (fn === undefined || errorListeners.some((other) => other.emitterText === emitterText && other.fn === undefined)) continue;
        const errorIdentifier = errorParameterIdentifier(fn) as TSESTree.Identifier;
        context.report({
          node: errorIdentifier,
          messageId: 'swallowedErrorEvent',
          data: {
            emitter: `\`${emitterText.length > MAX_CALLEE_LENGTH ? `${emitterText.slice(0, MAX_CALLEE_LENGTH - 1)}…` : emitterText}\``,
            error: errorIdentifier.name,
          },
        });
      }
    }

    function errorMentions(fn: FunctionNode, errorIdentifier: TSESTree.Identifier | undefined): ErrorMention[] {
      // `true`: a named function expression's own scope, not the one holding its name.
      const scope = sourceCode.scopeManager?.acquire(fn, true);
      if (scope == null) return [];
      const nodes: TSESTree.Node[] = [];
      if (errorIdentifier !== undefined) {
        const variable = scope.set.get(errorIdentifier.name);
        for (const reference of variable?.references ?? []) if (reference.isRead()) nodes.push(reference.identifier);
      }
      // `function () { if (arguments[0]) … }`: old code reads the error without naming it,
      // and `cb.apply(this, arguments)` hands it on with everything else.
      for (const reference of scope.set.get('arguments')?.references ?? []) {
        const identifier = reference.identifier;
        const parent = identifier.parent;
        if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier) {
          nodes.push(identifier);
        } else if (parent.computed && parent.property.type === AST_NODE_TYPES.Literal && parent.property.value === 0) {
          nodes.push(parent);
        }
      }
      return nodes.map((node) => ({ node, use: classifyErrorUse(node) }));
    }

    function reportUnchecked(callback: ErrorFirstCallback, errorIdentifier: TSESTree.Identifier | undefined, callee: string): void {
      const { fn } = callback;
      const target = forwardTarget(fn, sourceCode, callbackNames);
      const name = errorIdentifier?.name ?? freshErrorName(fn, sourceCode, target);
      const code =
        name === undefined
          ? undefined
          : target === undefined
            ? `if (${name}) throw ${name}${semicolon()}`
            : `if (${name}) return ${target}(${name})${semicolon()}`;
      const fix = code === undefined ? undefined : insertAtStartFix(fn, code, errorIdentifier === undefined ? name : undefined, sourceCode);
      context.report({
        ...(errorIdentifier === undefined ? { loc: headOf(fn) } : { node: errorIdentifier }),
        messageId: 'unchecked',
        data: {
          error: errorIdentifier === undefined ? '(its first argument, which it does not even declare)' : `\`${errorIdentifier.name}\``,
          callee,
        },
        suggest: [
          ...(code === undefined || fix === undefined ? [] : [{ messageId: 'insertCheck' as const, data: { code }, fix }]),
          ...conversionSuggestions(callback),
        ],
      });
    }

    /** "Convert to async/await", when the conversion can rewrite this call safely. */
    function conversionSuggestions(callback: ErrorFirstCallback): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (callback.call.type !== AST_NODE_TYPES.CallExpression) return [];
      const conversion = convertAround(sourceCode, callback.call, services, isTypeScriptFile(context.filename));
      return conversion?.kind === 'converted' ? [conversionSuggestion(conversion, 'convertToAwait')] : [];
    }

    function reportUseBeforeCheck(
      fn: FunctionNode,
      looked: readonly ErrorMention[],
      resultVariables: readonly Variable[],
      errorName: string,
      callee: string,
    ): void {
      const firstCheck = Math.min(...looked.map(checkAnchor));
      // `(err, { size }) => …` destructures the missing result before the body runs.
      const destructured = parametersOf(fn)
        .slice(1)
        .find((param) => param.type === AST_NODE_TYPES.ObjectPattern || param.type === AST_NODE_TYPES.ArrayPattern);
      const early = destructured ?? resultVariables
        // `(err, entries = [])` supplies the missing result itself.
        // and `(err, ...results)` is always an array.
        .filter((variable) => !variable.defs.some((definition) => definition.name.parent?.type === AST_NODE_TYPES.AssignmentPattern || definition.name.parent?.type === AST_NODE_TYPES.RestElement))
        .flatMap((variable) =>
          variable.references.filter(
            (reference) =>
              reference.isRead() &&
              reference.identifier.range[0] < firstCheck &&
              reference.from.variableScope.block === fn &&
              isUnsafeResultUse(reference.identifier) &&
              // `debug('found %j', result)` before the check only logs `undefined`.
              !isLogArgument(reference.identifier) &&
              !isGuardedBy(reference.identifier, variable),
          ),
        )
        .map((reference) => reference.identifier)
        .sort((a, b) => a.range[0] - b.range[0])[0];
      if (early === undefined) return;
      context.report({
        node: early,
        messageId: 'usedBeforeCheck',
        data: { result: sourceCode.getText(early), error: errorName, callee },
      });
    }

    function reportContinuation(
      fn: FunctionNode,
      mention: ErrorMention,
      mentions: readonly ErrorMention[],
      resultVariables: readonly Variable[],
      errorName: string,
    ): void {
      if (mention.use !== 'test') return;
      const guard = errorGuardOf(mention.node, fn);
      if (guard === undefined) return;
      const { branch, test } = guard;
      // Several mentions in one test (`if (err && err.code)`) report once, from the first.
      const firstInTest = mentions.find((other) => isInside(other.node, test));
      if (firstInTest !== mention || guard.branchMayExit) return;
      // `if (err) data = fallback;` recovers, `if (err) result.error = err;` keeps the error as a value,
      // and `if (err || !data)` shows the missing result was thought of: going on is the point.
      const touchesResult = resultVariables.some((variable) =>
        variable.references.some((reference) => (reference.isWrite() && isInside(reference.identifier, branch)) || isInside(reference.identifier, test)),
      );
      const keepsError = mentions.some((other) => other.use === 'store' && isInside(other.node, branch));
      // `if (err) { /* just ignore, not important */ }`: going on is meant.
      if (touchesResult || keepsError || hasIntentComment(branch, sourceCode)) return;
      const { statements, inLoop } = statementsAfter(guard.statement, fn.body);
      const consequence = goesOn(statements, branch, mentions, resultVariables, onlyLogs(branch));
      if (consequence === undefined) return;
      const fix =
        guard.kind === 'if'
          ? addReturnFix(guard.branch, sourceCode, semicolon())
          : returnFromShortCircuitFix(guard.statement, test, branch, sourceCode, semicolon());
      context.report({
        node: branch,
        messageId: 'continuesAfterError',
        data: { error: errorName, consequence },
        suggest: inLoop ? null : [{ messageId: 'addReturn', fix }],
      });
    }

    /** What the code after the error branch still does: calls the callback again or uses a result. */
    function goesOn(
      statements: readonly TSESTree.Statement[],
      branch: TSESTree.Node,
      mentions: readonly ErrorMention[],
      resultVariables: readonly Variable[],
      loggedOnly: boolean,
    ): string | undefined {
      // `if (!job || err) return …;` further down: nothing after it runs with the error.
      const stop = statements.findIndex(
        (statement) => statement.type === AST_NODE_TYPES.IfStatement && mentions.some((mention) => isInside(mention.node, statement.test)) && alwaysExits(statement.consequent),
      );
      const reached = stop === -1 ? statements : statements.slice(0, stop + 1);
      const inAfter = (node: TSESTree.Node): boolean => reached.some((statement) => isInside(node, statement));
      for (const mention of mentions) {
        const call = mention.node.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || !isInside(call, branch)) continue;
        const variable = ASTUtils.findVariable(sourceCode.getScope(call), call.callee);
        const again = variable?.references.find(
          (reference) => reference.identifier.parent?.type === AST_NODE_TYPES.CallExpression && reference.identifier.parent.callee === reference.identifier && inAfter(reference.identifier),
        );
        if (again !== undefined) return `\`${call.callee.name}\` is called again`;
      }
      const used = resultVariables
        .flatMap((variable) => variable.references.map((reference) => ({ reference, variable })))
        .find(
          ({ reference, variable }) =>
            reference.isRead() &&
            inAfter(reference.identifier) &&
            // After a branch that only logs, `if (data)`, `logs || ''` and `debug(data)` are the planned fallback, not uses.
            !(loggedOnly && (isDirectTest(reference.identifier) || isLogArgument(reference.identifier))) &&
            !isForwardedWithError(reference.identifier, mentions) &&
            !isGuardedBy(reference.identifier, variable) &&
            !isGuardedByError(reference.identifier, mentions),
        )?.reference;
      return used === undefined ? undefined : `\`${used.identifier.name}\` is still used`;
    }

    /** `fs.unlink(p, () => { log(err); })`: an error-like name in the body, maybe believed to be this call's. */
    function mentionsAnError(fn: FunctionNode): boolean {
      return sourceCode.getTokens(fn.body).some((token) => token.type === AST_TOKEN_TYPES.Identifier && errorParameterPattern.test(token.value));
    }

    function describeCallee(callback: ErrorFirstCallback): string {
      if (callback.evidence.kind === 'api') return `\`${callback.evidence.api.module === '' ? '' : `${callback.evidence.api.module}.`}${callback.evidence.api.name}\``;
      const call = callback.call;
      const text = sourceCode.getText(call.callee).replace(/\s+/g, ' ');
      const written = `${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${text}`;
      return `\`${written.length > MAX_CALLEE_LENGTH ? `${written.slice(0, MAX_CALLEE_LENGTH - 1)}…` : written}\``;
    }

    function resultVariablesOf(fn: FunctionNode): Variable[] {
      const resultParams = parametersOf(fn).slice(1);
      return sourceCode
        .getDeclaredVariables(fn)
        .filter((variable) => variable.defs.some((definition) => definition.type === DefinitionType.Parameter && resultParams.some((param) => isInside(definition.name, param))));
    }

    function headOf(fn: FunctionNode): TSESTree.SourceLocation {
      const beforeBody = sourceCode.getTokenBefore(fn.body);
      return { start: fn.loc.start, end: beforeBody?.loc.end ?? fn.loc.end };
    }

    return {
      CallExpression: checkCall,
      NewExpression: checkCall,
      'Program:exit': reportSwallowingListeners,
    };
  },
});

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * Where a look at the error takes effect: for `cb(state, err)` the whole call,
 * so results handed on together with the error do not count as used first.
 */
function checkAnchor(mention: ErrorMention): number {
  if (mention.use !== 'pass') return mention.node.range[0];
  for (let current = mention.node.parent; current != null; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) return current.range[0];
    if (current.type.endsWith('Statement')) break;
  }
  return mention.node.range[0];
}

/** `lstat && lstat.isSymbolicLink()`, `if (data) use(data)`: the use only runs when the result is there. */
function isGuardedBy(node: TSESTree.Node, variable: Variable): boolean {
  const testsVariable = (test: TSESTree.Node): boolean =>
    variable.references.some((reference) => reference.identifier !== node && isInside(reference.identifier, test));
  for (let child = node, parent = node.parent; parent != null; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child && testsVariable(parent.left)) return true;
    if ((parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.IfStatement) && parent.test !== child && testsVariable(parent.test)) return true;
  }
  return false;
}

/** `callback(err, result)`: the result handed on together with the error is not a use of it, the receiver checks the error. */
function isForwardedWithError(node: TSESTree.Node, mentions: readonly ErrorMention[]): boolean {
  const call = node.parent;
  if ((call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) || !call.arguments.includes(node as TSESTree.Expression)) return false;
  return mentions.some((mention) => mention.node.parent === call && call.arguments.includes(mention.node as TSESTree.Expression));
}

/** `if (!err && data) use(data)`, `err ? … : use(data)`: the use only runs when the error is tested first. */
function isGuardedByError(node: TSESTree.Node, mentions: readonly ErrorMention[]): boolean {
  const testsError = (test: TSESTree.Node): boolean => mentions.some((mention) => isInside(mention.node, test));
  for (let child = node, parent = node.parent; parent != null; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child && testsError(parent.left)) return true;
    if ((parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.IfStatement) && parent.test !== child && testsError(parent.test)) return true;
  }
  return false;
}

/** `if (x)`, `!x`, `x && …`, `x ? a : b`, `x == null`: a test of the value itself, not of a property. */
function isDirectTest(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent == null) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    case AST_NODE_TYPES.BinaryExpression:
      return ['==', '!=', '===', '!=='].includes(parent.operator);
    default:
      return false;
  }
}

/** `() => {}` or `function () {}` with nothing inside but comments. */
function isEmptyFunction(fn: FunctionNode): boolean {
  return fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 0;
}

/** Whether `fn`'s own code (not a nested function's) has a `throw`. Walked with a stack: no recursion over the tree. */
function throwsOwnError(fn: FunctionNode): boolean {
  const pending: TSESTree.Node[] = [fn.body];
  while (pending.length > 0) {
    const node = pending.pop() as TSESTree.Node;
    if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (node !== fn.body && (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') pending.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

interface CompiledOptions {
  readonly errorParameterPattern: RegExp;
  readonly callbackNames: ReadonlySet<string>;
}

/** One entry per configuration: createRule hands every file the same merged options object (merged-options.ts). */
const compiled = new WeakMap<Options[0], CompiledOptions>();

/** The options' pattern and name set, built once per configuration rather than once per file. */
function compiledOptions(options: Options[0]): CompiledOptions {
  let result = compiled.get(options);
  if (result === undefined) {
    // No `g` or `y` flag: `test` keeps no state, so one RegExp serves every file.
    result = {
      errorParameterPattern: new RegExp(options.errorParameterPattern ?? ERROR_PARAMETER_PATTERN, 'u'),
      callbackNames: new Set(options.callbackParameterNames ?? ERROR_FIRST_CALLBACK_PARAMETER_NAMES),
    };
    compiled.set(options, result);
  }
  return result;
}
