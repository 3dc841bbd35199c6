import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../shared/async-context';
import { convertCallbackCallOnce } from './conversion-once';
import { convertCallbackFunction } from './rewrite/convert-callback-function';
import { convertThenChain } from './chains/convert-then';
import type { ConversionResult } from './types';

export interface CandidateHandlers {
  /** A function with a callback parameter, converted or refused. */
  readonly onFunction: (fn: FunctionNode, result: ConversionResult) => void;
  /** A callback call or `.then` chain, converted or refused. */
  readonly onCall: (call: TSESTree.CallExpression, result: ConversionResult) => void;
}

/**
 * The visitor that meets every conversion candidate of a file once: the
 * `prefer-async-await` rule and the whole-file conversion both walk files
 * with it. Calls already flattened into an enclosing call's conversion are
 * skipped.
 */
export function visitConversionCandidates(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
  typescript: boolean,
  handlers: CandidateHandlers,
  /** The file's path on disk, when known: `.then(fn)` of a relative import may then be checked in its module. */
  filename?: string,
): TSESLint.RuleListener {
  const covered = new WeakSet<TSESTree.Node>();
  const visitFunction = (fn: FunctionNode): void => {
    const result = convertCallbackFunction(sourceCode, fn);
    if (result !== undefined) handlers.onFunction(fn, result);
  };
  return {
    FunctionDeclaration: visitFunction,
    FunctionExpression: visitFunction,
    ArrowFunctionExpression: visitFunction,
    CallExpression(call) {
      if (covered.has(call)) return;
      const result = convertCallbackCallOnce(sourceCode, call, services, typescript) ?? convertThenChain(sourceCode, call, services, typescript, filename);
      if (result === undefined) return;
      if (result.kind === 'converted') for (const inner of result.calls) covered.add(inner);
      handlers.onCall(call, result);
    },
  };
}
