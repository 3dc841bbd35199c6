import { ScopeType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { importSpecifierFor, normalizeModuleName } from '../knowledge/lookup';
import { getModuleStyle } from './module-style';
import { isNameFree } from './module-references';
import { isDirective } from './optional-keys';

/** How code at a use site reaches a module export, and the edit that makes it reachable. */
export interface ImportPlan {
  /** What to write at the use site: `readFile` or `fsp.readFile`. */
  readonly reference: string;
  /** The edit adding the import; undefined when the binding already exists. */
  readonly fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

/**
 * Plans access to `exportName` of `module` at `useSite`: reuses an existing
 * import or `require` of the module, or adds one in the file's own module
 * style. Undefined when no clash-free name can be found.
 */
export function planImport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  useSite: TSESTree.Node,
  module: string,
  exportName: string,
): ImportPlan | undefined {
  const useScope = sourceCode.getScope(useSite);
  const existing = findExistingBinding(sourceCode, module, exportName, useScope);
  if (existing !== undefined) return existing;
  const localName = [exportName, `${exportName}Async`].find((name) => isNameFree(name, useScope) && isFreeAtModuleLevel(sourceCode, name));
  if (localName === undefined) return undefined;
  return { reference: localName, fix: (fixer) => addImportFix(fixer, sourceCode, module, exportName, localName) };
}

/** What every plan of a file looks at, found once per file: a rule may plan an import for each of hundreds of reports. */
interface TopLevel {
  scopes: Scope[];
  /** The file's import declarations and top-level declarations that call `require`. */
  moduleStatements: (TSESTree.ImportDeclaration | TSESTree.VariableDeclaration)[];
}

const topLevels = new WeakMap<TSESTree.Program, TopLevel>();

function topLevelOf(sourceCode: Readonly<TSESLint.SourceCode>): TopLevel {
  let topLevel = topLevels.get(sourceCode.ast);
  if (topLevel === undefined) {
    topLevel = {
      scopes: sourceCode.scopeManager?.scopes.filter((scope) => scope.type === ScopeType.module || scope.type === ScopeType.global) ?? [],
      moduleStatements: sourceCode.ast.body.filter(
        (statement): statement is TSESTree.ImportDeclaration | TSESTree.VariableDeclaration =>
          statement.type === AST_NODE_TYPES.ImportDeclaration ||
          (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => isRequireCall(declarator.init))),
      ),
    };
    topLevels.set(sourceCode.ast, topLevel);
  }
  return topLevel;
}

function isFreeAtModuleLevel(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  return topLevelOf(sourceCode).scopes.every((scope) => !scope.set.has(name));
}

type Scope = TSESLint.Scope.Scope;

function findExistingBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  module: string,
  exportName: string,
  useScope: Scope,
): ImportPlan | undefined {
  const visible = (name: string, declared: TSESTree.Node): boolean => {
    const variable = ASTUtils.findVariable(useScope, name);
    return variable?.defs.some((definition) => definition.node === declared) ?? false;
  };
  for (const statement of topLevelOf(sourceCode).moduleStatements) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (normalizeModuleName(statement.source.value) !== module || statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers) {
        const local = specifier.local.name;
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          if (imported === exportName && specifier.importKind !== 'type' && visible(local, specifier)) return { reference: local };
        } else if (visible(local, specifier)) {
          return { reference: `${local}.${exportName}` };
        }
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (!isRequireOf(declarator.init, module)) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          if (visible(declarator.id.name, declarator)) return { reference: `${declarator.id.name}.${exportName}` };
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (
              property.type === AST_NODE_TYPES.Property &&
              !property.computed &&
              property.key.type === AST_NODE_TYPES.Identifier &&
              property.key.name === exportName &&
              property.value.type === AST_NODE_TYPES.Identifier &&
              visible(property.value.name, declarator)
            ) {
              return { reference: property.value.name };
            }
          }
        }
      }
    }
  }
  return undefined;
}

function isRequireOf(node: TSESTree.Expression | null, module: string): boolean {
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string' &&
    normalizeModuleName(node.arguments[0].value) === module
  );
}

function addImportFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  module: string,
  exportName: string,
  localName: string,
): TSESLint.RuleFix {
  const style = getModuleStyle(sourceCode);
  const binding = localName === exportName ? exportName : style.esm ? `${exportName} as ${localName}` : `${exportName}: ${localName}`;
  const source = `${style.quote}${importSpecifierFor(module)}${style.quote}`;
  const end = style.semicolon ? ';' : '';
  const body = topLevelOf(sourceCode).moduleStatements;
  if (style.esm) {
    const sameModule = body.find(
      (statement): statement is TSESTree.ImportDeclaration =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        statement.importKind !== 'type' &&
        normalizeModuleName(statement.source.value) === module &&
        statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
    );
    const lastSpecifier = sameModule?.specifiers.at(-1);
    if (lastSpecifier !== undefined) return fixer.insertTextAfter(lastSpecifier, `, ${binding}`);
    const text = `import { ${binding} } from ${source}${end}`;
    const lastImport = body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration).at(-1);
    if (lastImport !== undefined) return fixer.insertTextAfter(lastImport, `\n${text}`);
    return insertAtTop(fixer, sourceCode, text);
  }
  // `const { readFile } = require('node:fs/promises')` already there: add to it.
  const sameRequire = body
    .flatMap((statement) => (statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations : []))
    .find((declarator) => declarator.id.type === AST_NODE_TYPES.ObjectPattern && isRequireOf(declarator.init, module));
  const lastProperty = sameRequire?.id.type === AST_NODE_TYPES.ObjectPattern ? sameRequire.id.properties.at(-1) : undefined;
  if (lastProperty !== undefined && lastProperty.type === AST_NODE_TYPES.Property) return fixer.insertTextAfter(lastProperty, `, ${binding}`);
  const text = `const { ${binding} } = require(${source})${end}`;
  const lastRequire = body
    .filter(
      (statement) =>
        statement.type === AST_NODE_TYPES.VariableDeclaration &&
        statement.declarations.some((declarator) => isRequireCall(declarator.init)),
    )
    .at(-1);
  if (lastRequire !== undefined) return fixer.insertTextAfter(lastRequire, `\n${text}`);
  return insertAtTop(fixer, sourceCode, text);
}

function isRequireCall(node: TSESTree.Expression | null): boolean {
  let current = node;
  while (current?.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current?.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'require';
}

/** Before the first statement after the directives, above the comments attached to it. */
function insertAtTop(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, text: string): TSESLint.RuleFix {
  const body = sourceCode.ast.body;
  const firstOther = body.findIndex((statement) => !isDirective(statement));
  const lastDirective = body[(firstOther === -1 ? body.length : firstOther) - 1];
  if (lastDirective !== undefined) return fixer.insertTextAfter(lastDirective, `\n${text}`);
  const first = body[0];
  if (first === undefined) return fixer.insertTextAfterRange([sourceCode.text.length, sourceCode.text.length], `${text}\n`);
  let anchor: TSESTree.Node | TSESTree.Comment = first;
  const comments = sourceCode.getCommentsBefore(first);
  for (let index = comments.length - 1; index >= 0; index -= 1) {
    const comment = comments[index];
    if (comment === undefined || comment.loc.end.line < anchor.loc.start.line - 1 || comment.value.startsWith('!')) break;
    // A `#!` line is a comment to ESLint, and nothing may precede it.
    if ((comment.type as string) === 'Shebang') break;
    anchor = comment;
  }
  return fixer.insertTextBeforeRange(anchor.range, `${text}\n`);
}
