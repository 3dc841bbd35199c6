import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { NodeApi } from '../../knowledge/node-apis';
import type { RefusalReason } from '../refusal-reasons';

/**
 * For one file: what a call of one of the program's contract functions is,
 * as a knowledge-table entry, or why the call keeps its callback although the
 * function converts (it reaches the function's public callback adapter).
 */
export type ContractCalleeLookup = (call: TSESTree.CallExpression) => NodeApi | RefusalReason | undefined;

/** Set by the contract plan for the files it converts; keyed by the file's tree, so nothing outlives the file. */
const lookups = new WeakMap<TSESTree.Program, ContractCalleeLookup>();

export function setContractCallees(sourceCode: Readonly<TSESLint.SourceCode>, lookup: ContractCalleeLookup | undefined): void {
  if (lookup === undefined) lookups.delete(sourceCode.ast);
  else lookups.set(sourceCode.ast, lookup);
}

/**
 * The entry for a call of a contract function of the program: an
 * error-first API whose promise form is the function itself once it is
 * converted in the same plan (`{ kind: 'direct' }`), else `promisify`.
 */
export function contractCalleeApi(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): NodeApi | RefusalReason | undefined {
  return lookups.get(sourceCode.ast)?.(call);
}
