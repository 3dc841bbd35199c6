import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import { thenableVerdictOf } from '../../shared/promise-types';
import type { Mode } from './chain-site';
import { chainMethodOf, type ChainLink, type ThenChain } from './then-chain';
import type { ChainContext } from '../rewrite/chain-context';
import { refuse, type Refused } from '../types';
import { typeArgumentsOf } from '../../shared/optional-keys';

/**
 * The link whose `<T>` the layout keeps, as the annotation of a `const`
 * holding that link's value: dropped, the type argument no longer fixes the
 * chain's type, and callers could stop type-checking (`.catch<R>(() =>
 * ({ ok: false }))` widened to the literal). Only shapes where that const is
 * the link's value as the chain used it: one typed link, a `.then` before
 * any `.catch`/`.finally` whose value is used, or a `.catch` whose value is
 * returned. Undefined when no link has a type argument.
 */
export function annotatedLink(
  chain: ThenChain,
  tail: Mode | 'assign',
  context: ChainContext,
): { link: ChainLink; type: TSESTree.TypeNode } | undefined | Refused {
  const typed = [...chain.thens, chain.catchLink, chain.finallyLink, ...chain.after].filter((link): link is ChainLink => link != null && typeArgumentsOf(link.call) !== undefined);
  const link = typed[0];
  if (link === undefined) return undefined;
  const typeArguments = typeArgumentsOf(link.call);
  const type = typeArguments?.params.length === 1 ? typeArguments.params[0] : undefined;
  // `.then<A>(null, onRejected)`: `A` types the fulfilled value, not the handler's.
  if (typed.length > 1 || type === undefined || chainMethodOf(link.call) !== link.method || !context.typescript) return refuse('type-argument');
  // A comment inside `<…>` would be written twice (with the link's comments and in the annotation).
  if (typeArguments !== undefined && context.sourceCode.getCommentsInside(typeArguments).length > 0) return refuse('type-argument');
  // A `.finally`'s or a later `.then`'s type would meet the `let` both paths assign: refused rather than guessed.
  const valueUsed = chain.thens.includes(link) ? link !== chain.thens.at(-1) || tail === 'return' || tail === 'declare' : link === chain.catchLink && tail === 'return';
  if (!valueUsed) return refuse('type-argument');
  return { link, type };
}

/**
 * Whether `T` may itself be a promise type: `const result: Promise<number>
 * = await value` does not type-check (the `await` unwraps it). Written
 * `Promise<…>`/`PromiseLike<…>`, or, with types, any thenable type.
 */
export function mayBeThenableType(type: TSESTree.TypeNode, services: ParserServicesWithTypeInformation | undefined): boolean {
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.some((member) => mayBeThenableType(member, services));
  if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && ['Promise', 'PromiseLike'].includes(type.typeName.name)) return true;
  return services !== undefined && thenableVerdictOf(type, services) === 'thenable';
}
