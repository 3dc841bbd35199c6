import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefinitionType, ScopeType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { parseForESLint } from '@typescript-eslint/parser';

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.js'];

/**
 * `.then(fn)` with `import { fn } from './module'`: whether `./module`,
 * read from disk next to the file, exports `fn` as a function declaration
 * (or a `const` holding a function) that the module never reassigns. Then
 * the chain calls it, as `fn(value)` does; otherwise `.then(notAFunction)`
 * would pass the value through where `notAFunction(value)` throws.
 */
export function isImportedFunction(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>, filename: string | undefined): boolean {
  if (filename === undefined || !path.isAbsolute(filename)) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== DefinitionType.ImportBinding || definition.node.type !== AST_NODE_TYPES.ImportSpecifier) return false;
  const declaration = definition.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type' || definition.node.importKind === 'type') return false;
  const specifier = declaration.source.value;
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return false;
  const imported = definition.node.imported;
  const exportName = imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value;
  const file = resolveModule(path.resolve(path.dirname(filename), specifier));
  if (file === undefined) return false;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  return exportsFunction(text, file, exportName);
}

function resolveModule(base: string): string | undefined {
  // `./module.js` written for `./module.ts` (TypeScript's node16 resolution).
  const candidates = [...EXTENSIONS.map((extension) => base + extension), base.replace(/\.([cm]?)js$/, '.$1ts')];
  return candidates.find((candidate) => {
    try {
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

function exportsFunction(text: string, file: string, exportName: string): boolean {
  let result: ReturnType<typeof parseForESLint>;
  try {
    result = parseForESLint(text, { sourceType: 'module', range: true, filePath: file, jsx: /x$/.test(file) });
  } catch {
    return false;
  }
  const moduleScope = result.scopeManager.globalScope?.childScopes.find((scope) => scope.type === ScopeType.module);
  if (moduleScope === undefined) return false;
  let localName: string | undefined;
  for (const statement of result.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.exportKind === 'type' || statement.source != null) continue;
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === exportName) localName = exportName;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const') {
      for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === exportName) localName = exportName;
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
      if (exported === exportName && specifier.local.type === AST_NODE_TYPES.Identifier) localName = specifier.local.name;
    }
  }
  const variable = localName === undefined ? undefined : moduleScope.set.get(localName);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable === undefined || definition === undefined || variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return false;
  if (definition.type === DefinitionType.FunctionName) return definition.node.type === AST_NODE_TYPES.FunctionDeclaration;
  if (definition.type !== DefinitionType.Variable || definition.parent.kind !== 'const') return false;
  const init = definition.node.init;
  return init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression;
}
