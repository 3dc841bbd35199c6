import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Contract } from '../inference/contracts';
import type { FunctionIndex, FunctionInfo } from '../program/function-index';
import type { Program, ProgramFile } from '../program/program';

/**
 * Why a contract calling back with several results cannot convert, if it
 * cannot. It returns their array, which only its callers in the program,
 * changed in the same plan, destructure: no adapter hands several results to
 * a callback, so callers outside the program (public API, any `--api`),
 * values and callbacks that are not function literals keep it as it is.
 */
export function severalResultsProblem(contract: Contract, info: FunctionInfo, program: Program, functions: FunctionIndex, contracts: readonly Contract[]): string | undefined {
  const at = (node: TSESTree.Node, file: ProgramFile): string => `${file.path}:${node.loc.start.line}`;
  const outside = 'callers outside the program call it with a callback, and no adapter hands a callback several results';
  if (contract.file.typescript) return 'it calls back with several results in a TypeScript file, where the array it would return needs a tuple type (not written yet)';
  if (info.binding.kind === 'member' && info.binding.ownerKind !== 'exports') {
    const site = functions.publicSiteOf(info.binding.owner);
    if (site !== undefined) return `it calls back with several results and is a method of public API (handed out at ${at(site.node, site.file)}): ${outside}`;
  }
  for (const reference of functions.referencesOf(contract.fn)) {
    const { node, file } = reference;
    if (reference.kind === 'export') {
      if (program.isPublicFile(file)) return `it calls back with several results and is public API exported at ${at(node, file)}: ${outside}`;
      continue;
    }
    if (reference.kind === 'value') return `it calls back with several results and is used as a value at ${at(node, file)}: only a call with a function literal as its callback can destructure them`;
    const callback = (node.parent as TSESTree.CallExpression).arguments.at(-1);
    if (callback !== undefined && callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression && !forwards(callback, file, contracts)) {
      return `it calls back with several results and the call at ${at(node, file)} passes \`${file.sourceCode.getText(callback)}\`, not a function literal that could destructure them`;
    }
  }
  return undefined;
}

/**
 * `divide(a, b, cb)` in a contract that calls back with several results
 * too: it returns the promise. Should that contract not convert, the call
 * keeps its callback and the plan runs again without this one.
 */
function forwards(node: TSESTree.Node, file: ProgramFile, contracts: readonly Contract[]): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable: TSESLint.Scope.Variable | null = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  return contracts.some((other) => other.results > 1 && other.callback === variable);
}
