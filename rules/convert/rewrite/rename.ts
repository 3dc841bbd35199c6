import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { freshName, isTaken, type ChainContext } from './chain-context';
import type { TextEdit } from '../types';

type Variable = TSESLint.Scope.Variable;
type Scope = TSESLint.Scope.Scope;

/**
 * The callback's parameters and body declarations move into the block of
 * the call. Each keeps its name unless that name is already declared there,
 * used there for something else, or taken by another level of the pyramid;
 * then it gets a fresh one (`data2`).
 */
export function renameLandingVariables(
  callbackScope: Scope,
  errorVariable: Variable | undefined,
  statement: TSESTree.Node,
  context: ChainContext,
): { names: Map<string, string>; edits: TextEdit[] } {
  const names = new Map<string, string>();
  const edits: TextEdit[] = [];
  const enclosing: Scope[] = [];
  for (let scope: Scope | null = context.sourceCode.getScope(statement); scope !== null; scope = scope.upper) {
    enclosing.push(scope);
    if (context.landingScopes.includes(scope)) break;
  }
  for (const variable of callbackScope.variables) {
    if (variable.name === 'arguments' || variable === errorVariable) continue;
    const declaredAround = enclosing.some((scope) => scope.set.has(variable.name) && scope.set.get(variable.name) !== variable);
    let name = variable.name;
    if (declaredAround || isTaken(context, name, variable)) {
      name = freshName(context, variable.name);
      names.set(variable.name, name);
      const identifiers = new Set<TSESTree.Identifier>([
        ...variable.references.map((reference) => reference.identifier as TSESTree.Identifier),
        ...variable.defs.map((definition) => definition.name as TSESTree.Identifier),
      ]);
      for (const identifier of identifiers) edits.push({ range: identifier.range, text: renamedText(identifier, name) });
    }
    context.claimed.add(name);
  }
  return { names, edits };
}

/** `{ data }` must become `{ data: data2 }`, not `{ data2 }`. */
function renamedText(identifier: TSESTree.Identifier, name: string): string {
  const parent = identifier.parent;
  const property = parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.left === identifier ? parent.parent : parent;
  if (property?.type === AST_NODE_TYPES.Property && property.shorthand) return `${identifier.name}: ${name}`;
  return name;
}
