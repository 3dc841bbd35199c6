import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ModuleMember } from '../knowledge/lookup';

type Variable = TSESLint.Scope.Variable;

/** What an expression or variable denotes: a module member, or `null` for none (resolved, and not a module's). */
export type Resolution = ModuleMember | null;

/**
 * Facts about one file computed once, lazily, and read by every rule: each
 * rule that meets `fs.readFile(…)` asks what its callee is, and the answer
 * is the same for all of them. One weak entry per file (its Program node)
 * holding plain Maps: a module-level WeakMap with one entry per node or
 * variable made the garbage collector trace tens of thousands of ephemerons
 * and cost 10-15 % of a syntactic run (docs/performance.md). The Maps die
 * with the file's tree.
 */
export interface FileFacts {
  /** Variables followed back to the module member they are bound to. */
  readonly variables: Map<Variable, Resolution>;
  /** Expressions (callees, arguments) followed back to a module member by `resolveModuleMember`. */
  readonly members: Map<TSESTree.Node, Resolution>;
  /** How many times a rule asked `resolveModuleMember` in this file (answered from `members` or not). */
  memberLookups: number;
}

const files = new WeakMap<TSESTree.Program, FileFacts>();

export function fileFacts(sourceCode: Readonly<TSESLint.SourceCode>): FileFacts {
  let facts = files.get(sourceCode.ast);
  if (facts === undefined) {
    facts = { variables: new Map(), members: new Map(), memberLookups: 0 };
    files.set(sourceCode.ast, facts);
  }
  return facts;
}
