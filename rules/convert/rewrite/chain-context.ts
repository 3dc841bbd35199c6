import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { planImport } from '../../shared/add-import';
import { getModuleStyle, type ModuleStyle } from '../../shared/module-style';
import { editFixer } from '../text/text-edits';
import type { TextEdit } from '../types';
import type { ContractRewrite } from './completion';

type Variable = TSESLint.Scope.Variable;
type Scope = TSESLint.Scope.Scope;

/**
 * What one conversion (a call and the pyramid flattened into it) has decided
 * so far: names now declared in the owner's block, imports to add, notes.
 */
export interface ChainContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly services: ParserServicesWithTypeInformation | undefined;
  /** The file is TypeScript: annotations may be written. */
  readonly typescript: boolean;
  readonly style: ModuleStyle;
  /** The function the converted code ends up in. */
  readonly owner: TSESTree.Node;
  /** Scopes from the converted statement up to the owner function: names declared there are taken. */
  readonly landingScopes: readonly Scope[];
  /** Every name referenced inside the owner, with the variables it resolves to (null: a global). */
  readonly referenced: ReadonlyMap<string, ReadonlySet<Variable | null>>;
  /** Every name in the file, so fresh names are fresh. */
  readonly allNames: ReadonlySet<string>;
  /** Set while a contract function is converted: its callback calls become `return`/`throw`. */
  readonly contract: ContractRewrite | undefined;
  claimed: Set<string>;
  imports: Map<string, string>;
  importEdits: TextEdit[];
  notes: string[];
  calls: TSESTree.Node[];
}

export function createChainContext(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
  statement: TSESTree.Node,
  owner: TSESTree.Node,
  typescript: boolean,
  plan: { readonly contract?: ContractRewrite; readonly claimed?: ReadonlySet<string> } = {},
): ChainContext {
  const landingScopes: Scope[] = [];
  for (let scope: Scope | null = sourceCode.getScope(statement); scope !== null; scope = scope.upper) {
    landingScopes.push(scope);
    if (scope.block === owner) break;
  }
  const referenced = new Map<string, Set<Variable | null>>();
  const allNames = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) allNames.add(variable.name);
    for (const reference of scope.references) {
      allNames.add(reference.identifier.name);
      const at = reference.identifier.range;
      if (at[0] < owner.range[0] || at[1] > owner.range[1]) continue;
      const set = referenced.get(reference.identifier.name) ?? new Set<Variable | null>();
      set.add(reference.resolved);
      referenced.set(reference.identifier.name, set);
    }
  }
  return {
    sourceCode, services, typescript, style: getModuleStyle(sourceCode), owner, landingScopes, referenced, allNames,
    contract: plan.contract,
    claimed: new Set(plan.claimed), imports: new Map(), importEdits: [], notes: [], calls: [],
  };
}

export type Snapshot = Pick<ChainContext, 'claimed' | 'imports' | 'importEdits' | 'notes' | 'calls'>;

export function snapshot(context: ChainContext): Snapshot {
  return {
    claimed: new Set(context.claimed), imports: new Map(context.imports), importEdits: [...context.importEdits],
    notes: [...context.notes], calls: [...context.calls],
  };
}

export function restore(context: ChainContext, saved: Snapshot): void {
  Object.assign(context, saved);
}

/** The text reaching `exportName` of `module` at `useSite`, planning its import once per conversion. */
export function importReference(context: ChainContext, useSite: TSESTree.Node, module: string, exportName: string): string | undefined {
  const key = `${module}\0${exportName}`;
  const known = context.imports.get(key);
  if (known !== undefined) return known;
  const plan = planImport(context.sourceCode, useSite, module, exportName);
  if (plan === undefined) return undefined;
  const root = plan.reference.split('.')[0] ?? plan.reference;
  if (plan.fix !== undefined && [...context.imports.values()].some((reference) => reference === plan.reference)) return undefined;
  context.imports.set(key, plan.reference);
  context.claimed.add(root);
  if (plan.fix !== undefined) context.importEdits.push(plan.fix(editFixer));
  return plan.reference;
}

const REQUIRE_IMPORT = /^(\n?)const \{ (.+) \} = require\((['"].+['"])\)(;?)$/;
const ESM_IMPORT = /^(\n?)import \{ (.+) \} from (['"].+['"])(;?)$/;

/** One import statement per module: `const { readFile, writeFile } = require('node:fs/promises')`. */
export function mergeImportEdits(edits: readonly TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const shape = REQUIRE_IMPORT.exec(edit.text) ?? ESM_IMPORT.exec(edit.text);
    const isRequire = REQUIRE_IMPORT.test(edit.text);
    const index = merged.findIndex((other) => {
      const otherShape = REQUIRE_IMPORT.exec(other.text) ?? ESM_IMPORT.exec(other.text);
      return shape !== null && otherShape !== null && other.range[0] === edit.range[0] && otherShape[3] === shape[3] && REQUIRE_IMPORT.test(other.text) === isRequire;
    });
    const target = merged[index];
    const targetShape = target === undefined ? null : REQUIRE_IMPORT.exec(target.text) ?? ESM_IMPORT.exec(target.text);
    if (target === undefined || shape === null || targetShape === null) {
      merged.push(edit);
      continue;
    }
    const bindings = `${targetShape[2] ?? ''}, ${shape[2] ?? ''}`;
    const text = isRequire
      ? `${targetShape[1] ?? ''}const { ${bindings} } = require(${shape[3] ?? ''})${shape[4] ?? ''}`
      : `${targetShape[1] ?? ''}import { ${bindings} } from ${shape[3] ?? ''}${shape[4] ?? ''}`;
    merged[index] = { range: target.range, text };
  }
  return merged;
}

/** Whether a name cannot be declared in the owner's block for `variable`. */
export function isTaken(context: ChainContext, name: string, variable: Variable): boolean {
  if (context.claimed.has(name)) return true;
  if (context.landingScopes.some((scope) => scope.set.has(name))) return true;
  const resolved = context.referenced.get(name);
  return resolved !== undefined && [...resolved].some((other) => other !== variable && !isDeeper(other, variable));
}

/**
 * A variable of a scope inside the one of `variable`'s callback: it either
 * stays in its own function (shadowing as before) or, flattened later,
 * yields to the names claimed here.
 */
function isDeeper(other: Variable | null, variable: Variable): boolean {
  if (other === null || other.scope === variable.scope) return false;
  const outer = variable.scope.block.range;
  const inner = other.scope.block.range;
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

export function freshName(context: ChainContext, base: string): string {
  for (let index = 2; ; index += 1) {
    const candidate = `${base}${index}`;
    if (!context.allNames.has(candidate) && !context.claimed.has(candidate)) return candidate;
  }
}
