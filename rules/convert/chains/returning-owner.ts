import { AST_TOKEN_TYPES, AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, type FunctionNode } from '../../shared/async-context';
import { returnsNativePromise } from './native-promise';
import { refuse, type Refused, type TextEdit } from '../types';
import { returnTypeOf } from '../../shared/optional-keys';

/** A function returning the chain already returns a promise: it may become async if that is its only return. */
export function makeReturningOwnerAsync(
  owner: FunctionNode,
  statement: TSESTree.ReturnStatement,
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): TextEdit[] | Refused {
  if (owner.generator) return refuse('owner-kind');
  const parent = owner.parent;
  const isMethod = parent.type === AST_NODE_TYPES.MethodDefinition || (parent.type === AST_NODE_TYPES.Property && (parent.method || parent.kind !== 'init'));
  if (isMethod && (parent.kind === 'get' || parent.kind === 'set' || parent.kind === 'constructor')) return refuse('owner-kind');
  // Other returns may stay when they return native promises too: an async function returning one settles the same way.
  const others = ownReturns(owner, sourceCode).filter((other) => other !== statement);
  if (others.some((other) => other.type !== AST_NODE_TYPES.ReturnStatement || other.argument == null || !(owner.async || returnsNativePromise(other.argument, sourceCode, services)))) {
    return refuse('owner-returns');
  }
  if (!owner.async && ownKeywordNodes(owner, sourceCode, 'throw').length > 0) return refuse('owner-throws');
  // Falling off the end returned `undefined`, not a promise.
  if (!owner.async && owner.body.type === AST_NODE_TYPES.BlockStatement && !alwaysReturns(owner.body)) return refuse('owner-returns');
  const returnType = returnTypeOf(owner);
  if (returnType !== undefined) {
    const annotation = returnType.typeAnnotation;
    const isPromise = annotation.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === 'Promise';
    if (!isPromise) return refuse('owner-return-type');
  }
  if (owner.async) return [];
  if (isMethod) {
    const key = parent.key;
    const start = parent.computed ? sourceCode.getTokenBefore(key)?.range[0] ?? key.range[0] : key.range[0];
    return [{ range: [start, start], text: 'async ' }];
  }
  return [{ range: [owner.range[0], owner.range[0]], text: 'async ' }];
}

function alwaysReturns(statement: TSESTree.Statement | null | undefined): boolean {
  if (statement == null) return false;
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) return alwaysReturns(statement.body.at(-1));
  return statement.type === AST_NODE_TYPES.IfStatement && alwaysReturns(statement.consequent) && alwaysReturns(statement.alternate);
}

function ownReturns(owner: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  return ownKeywordNodes(owner, sourceCode, 'return');
}

/** The `return`/`throw` statements of the function itself, not of functions inside it. */
function ownKeywordNodes(owner: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>, keyword: 'return' | 'throw'): TSESTree.Node[] {
  const type = keyword === 'return' ? AST_NODE_TYPES.ReturnStatement : AST_NODE_TYPES.ThrowStatement;
  return sourceCode
    .getTokens(owner.body)
    .filter((token) => token.type === AST_TOKEN_TYPES.Keyword && token.value === keyword)
    .map((token) => sourceCode.getNodeByRangeIndex(token.range[0]))
    .filter((node): node is TSESTree.Node => node?.type === type && enclosingFunction(node) === owner);
}
