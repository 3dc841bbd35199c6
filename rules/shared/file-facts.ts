import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './async-context';
import type { ModuleMember } from '../knowledge/lookup';
import type { ConversionResult } from '../convert/types';

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
  /**
   * Callback calls' conversions (`convertCallbackCallOnce`): prefer-async-await
   * builds one for every candidate, and the suggestions of
   * no-unchecked-callback-error and max-callback-depth reuse it. Only calls
   * that are candidates get an entry.
   */
  readonly conversions: Map<TSESTree.CallExpression, ConversionResult>;
  /** The type services and TypeScript-ness the conversions were built with (the same for every rule of one file). */
  conversionMode: { readonly services: unknown; readonly typescript: boolean } | undefined;
  /** Whether the text contains `async` at all (undefined until asked): without it no function of the file is async. */
  mentionsAsync: boolean | undefined;
  /** Names declared once as a function (`function f`, `const f = () => …`) in any scope (undefined until asked). */
  functionNames: ReadonlySet<string> | undefined;
}

const files = new WeakMap<TSESTree.Program, FileFacts>();

export function fileFacts(sourceCode: Readonly<TSESLint.SourceCode>): FileFacts {
  let facts = files.get(sourceCode.ast);
  if (facts === undefined) {
    facts = { variables: new Map(), members: new Map(), memberLookups: 0, conversions: new Map(), conversionMode: undefined, mentionsAsync: undefined, functionNames: undefined };
    files.set(sourceCode.ast, facts);
  }
  return facts;
}

/**
 * False when no function of the file can be `async` (the word is nowhere in
 * its text): a check that needs an async function is then skipped without
 * resolving anything. Callback-era files mostly lack it.
 */
export function mayHaveAsyncFunctions(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const facts = fileFacts(sourceCode);
  facts.mentionsAsync ??= sourceCode.text.includes('async');
  return facts.mentionsAsync;
}

/**
 * Every name some scope of the file binds, by its only definition, to a
 * function declaration or to a variable initialised with a function literal:
 * an identifier argument whose name is not here cannot be a local function,
 * and is answered without a scope lookup. One pass over the file's variables,
 * the first time a rule asks. Undefined without a scope manager.
 */
export function localFunctionNames(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> | undefined {
  const scopeManager = sourceCode.scopeManager;
  // Without a scope manager (another host), no answer: callers look the name up.
  if (scopeManager == null) return undefined;
  const facts = fileFacts(sourceCode);
  if (facts.functionNames === undefined) {
    const names = new Set<string>();
    for (const scope of scopeManager.scopes) {
      for (const variable of scope.variables) {
        const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
        if (definition === undefined) continue;
        const node = definition.node as TSESTree.Node;
        const isFunction =
          node.type === AST_NODE_TYPES.FunctionDeclaration ||
          (node.type === AST_NODE_TYPES.VariableDeclarator && node.init !== null && isFunctionNode(node.init));
        if (isFunction) names.add(variable.name);
      }
    }
    facts.functionNames = names;
  }
  return facts.functionNames;
}
