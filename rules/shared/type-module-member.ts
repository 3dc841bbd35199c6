import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import type { ModuleMember } from '../knowledge/lookup';

/**
 * Asks the type checker where a callee is declared: `fs.readFileSync` on a
 * parameter typed `typeof import('fs')` resolves to module `fs`, export
 * `readFileSync`, because @types/node declares it inside `declare module 'fs'`.
 */
export function resolveModuleMemberByType(
  node: TSESTree.Node,
  services: ParserServicesWithTypeInformation,
): ModuleMember | undefined {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  const target = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
  let symbol = checker.getSymbolAtLocation(target);
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.declarations?.[0];
  if (symbol === undefined || declaration === undefined) return undefined;
  for (let current: ts.Node | undefined = declaration.parent; current !== undefined; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) {
      return { module: current.name.text, path: [symbol.name] };
    }
    if (ts.isSourceFile(current) && current.isDeclarationFile && ts.isExternalModule(current)) {
      // A package's own typings file: module named after the package folder.
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(current.fileName.replace(/\\/g, '/'));
      return match?.[1] === undefined || match[1] === '@types/node' ? undefined : { module: match[1].replace(/^@types\//, ''), path: [symbol.name] };
    }
  }
  return undefined;
}
