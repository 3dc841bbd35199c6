import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { PROMISE_LIBRARIES } from '../../knowledge/callback-apis';
import { isFunctionNode, enclosingFunction } from '../../shared/async-context';
import { createChainContext, mergeImportEdits } from '../rewrite/chain-context';
import { layOutChain } from './chain-layout';
import { chainSite } from './chain-site';
import { continuationOwner, returningOwner } from '../inference/continuation';
import { mayReturnNativePromise } from './native-promise';
import { makeOwnerAsync } from '../rewrite/owner';
import { makeReturningOwnerAsync } from './returning-owner';
import { chainMethodOf, chainRoot, isNamedHandler, isOutermostLink, parseThenChain, type ChainLink } from './then-chain';
import { isPrivateThisFreeMethod } from './this-method-handler';
import { hoistAwaitedChain } from './hoist-awaited';
import { isImportedFunction } from './imported-handler';
import { usesOwnThisOrArguments } from '../inference/this-arguments';
import { isTypedFunction } from './typed-handler';
import { keepingComments } from '../text/keeps-comments';
import { refuse, type ConversionResult } from '../types';


/**
 * Converts `p.then(a).then(b).catch(c).finally(d)` into awaits inside
 * `try/catch/finally`, when the chain is the last thing its function does:
 * as a statement (the function becomes async; nobody uses its result) or
 * returned (the function already returned a promise of the same outcome).
 * Undefined when the call is not the outermost link of a chain.
 */
function convertThenChainUnchecked(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  services: ParserServicesWithTypeInformation | undefined,
  typescript: boolean,
  filename?: string,
): ConversionResult | undefined {
  if (chainMethodOf(call) === undefined || !isOutermostLink(call)) return undefined;
  const site = chainSite(call);
  if ('kind' in site) return hoisted(sourceCode, call, services, typescript) ?? site;
  const { statement, mode } = site;
  const chain = parseThenChain(call);
  if ('kind' in chain) return chain;
  const links = [...chain.thens, chain.catchLink, chain.finallyLink, ...chain.after].filter((link): link is ChainLink => link !== undefined);
  for (const link of links) {
    if (!isNamedHandler(link.handler) && usesOwnThisOrArguments(link.handler, sourceCode)) return refuse('this-or-arguments');
  }
  for (const link of links) {
    const handler = link.handler;
    if (handler.type === AST_NODE_TYPES.Identifier && !isLocalFunction(handler, sourceCode) && !(services !== undefined && isTypedFunction(handler, services)) && !isImportedFunction(handler, sourceCode, filename)) return refuse('chain-shape');
    if (handler.type === AST_NODE_TYPES.MemberExpression && !isPrivateThisFreeMethod(handler, sourceCode)) return refuse('chain-shape');
  }
  const awaitedOwner = enclosingFunction(statement);
  const awaitedInAsync = site.awaited && awaitedOwner !== undefined && isFunctionNode(awaitedOwner) && awaitedOwner.async;
  if (site.awaited && (mode !== 'return' || awaitedInAsync)) {
    // Awaited in place inside an async function: nothing runs at another time, whatever follows.
    // `return await chain` inside a `try` stays awaited at every return: the `try` sees the rejections.
    const owner = awaitedOwner;
    if (owner === undefined || !isFunctionNode(owner) || !owner.async) return refuse('top-level');
    const context = createChainContext(sourceCode, services, statement, owner, typescript);
    // A returned chain with code after it (`if (c) return await p.then(…);`) must not fall through once flattened.
    const terminal = mode !== 'return' || !('kind' in continuationOwner(statement));
    const text = layOutChain(statement, chain, mode, context, terminal, mode === 'return' && insideTry(statement, owner));
    if (typeof text !== 'string') return text;
    context.calls.push(call);
    return { kind: 'converted', edits: [{ range: statement.range, text }, ...mergeImportEdits(context.importEdits)], notes: context.notes, calls: context.calls };
  }
  const continuation = continuationOwner(statement);
  // A returned chain needs no continuation: nothing of its function runs after the `return` anyway.
  const owner = mode === 'return' && 'kind' in continuation && continuation.reason !== 'top-level' ? returningOwner(statement as TSESTree.ReturnStatement) : continuation;
  if ('kind' in owner) return owner;
  if (mode === 'return' && !owner.async && (usesCustomPromises(sourceCode, call) || !mayReturnNativePromise(chainRoot(chain.base), owner, sourceCode, services))) {
    return refuse('custom-promise');
  }
  const ownerEdits = mode === 'statement' ? makeOwnerAsync(owner, sourceCode, services) : makeReturningOwnerAsync(owner, statement as TSESTree.ReturnStatement, sourceCode, services);
  if ('kind' in ownerEdits) return ownerEdits;
  const context = createChainContext(sourceCode, services, statement, owner, typescript);
  const text = layOutChain(statement, chain, mode, context, !('kind' in continuation));
  if (typeof text !== 'string') return text;
  context.calls.push(call);
  return { kind: 'converted', edits: [{ range: statement.range, text }, ...ownerEdits, ...mergeImportEdits(context.importEdits)], notes: context.notes, calls: context.calls };
}

/** An awaited chain inside a larger expression, awaited in a statement of its own first (when nothing before it could tell). */
function hoisted(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, services: ParserServicesWithTypeInformation | undefined, typescript: boolean): ConversionResult | undefined {
  if (call.parent.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const chain = parseThenChain(call);
  if ('kind' in chain) return undefined;
  const owner = enclosingFunction(call);
  if (owner === undefined || !isFunctionNode(owner) || !owner.async) return undefined;
  const context = createChainContext(sourceCode, services, call, owner, typescript);
  const edits = hoistAwaitedChain(call, owner, context);
  if (edits === undefined) return undefined;
  return { kind: 'converted', edits, notes: [], calls: [call] };
}

/** A `try` block, `catch` or `finally` of the function holds the statement. */
function insideTry(statement: TSESTree.Node, owner: TSESTree.Node): boolean {
  for (let node = statement.parent; node !== undefined && node !== owner; node = node.parent) {
    if (node.type === AST_NODE_TYPES.TryStatement || node.type === AST_NODE_TYPES.CatchClause) return true;
  }
  return false;
}

/** `.then(fn)` passes values through when `fn` is not a function: only local functions (or, with types, functions) are called directly. */
function isLocalFunction(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (variable === null || variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return false;
  const definition = variable.defs[0];
  if (definition?.type === DefinitionType.FunctionName) return true;
  const node = definition?.type === DefinitionType.Variable ? definition.node : undefined;
  return node?.type === AST_NODE_TYPES.VariableDeclarator && node.init !== null && isFunctionNode(node.init);
}

/** A local `Promise` binding or an imported promise library. */
function usesCustomPromises(sourceCode: Readonly<TSESLint.SourceCode>, site: TSESTree.Node): boolean {
  const promise = ASTUtils.findVariable(sourceCode.getScope(site), 'Promise');
  if (promise !== null && promise.defs.length > 0) return true;
  const library = new RegExp(`(?:require\\(|from\\s*)['"](?:${[...PROMISE_LIBRARIES].join('|')})['"]`);
  return library.test(sourceCode.text);
}

/** {@link convertThenChainUnchecked}, refused when a comment would be lost. */
export function convertThenChain(...args: Parameters<typeof convertThenChainUnchecked>): ReturnType<typeof convertThenChainUnchecked> {
  const result = convertThenChainUnchecked(...args);
  return result === undefined ? undefined : keepingComments(args[0], result);
}
