import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../../shared/module-references';

/** Where a file hands a value to its importers. */
export interface ExportSite {
  /** The exported name; `default` for `module.exports = x` and `export default x`. */
  readonly name: string;
  /** The exported expression (an identifier, a function), or the declaration of `export function f`. */
  readonly value: TSESTree.Node;
  /** The node to replace when the export must change (the value, or the declaration). */
  readonly statement: TSESTree.Node;
  readonly style: 'commonjs' | 'module';
}

/**
 * The exports of a file, as written: `module.exports = …` (an object
 * literal's properties count one by one), `exports.x = …`,
 * `module.exports.x = …`, `export function/const/class`, `export { … }`,
 * `export default …`. Only top-level statements count.
 */
export function exportSites(program: TSESTree.Program): ExportSite[] {
  const sites: ExportSite[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const assignment = statement.expression;
      const target = exportTarget(assignment.left);
      if (target === undefined || assignment.operator !== '=') continue;
      if (target === 'default' && assignment.right.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of assignment.right.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init') continue;
          const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
          if (key !== undefined) sites.push({ name: key, value: property.value, statement: property, style: 'commonjs' });
        }
      } else {
        sites.push({ name: target, value: assignment.right, statement, style: 'commonjs' });
      }
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id !== null) {
        sites.push({ name: declaration.id.name, value: declaration, statement, style: 'module' });
      } else if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id !== null) {
        sites.push({ name: declaration.id.name, value: declaration, statement, style: 'module' });
      } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init != null) sites.push({ name: declarator.id.name, value: declarator.init, statement, style: 'module' });
        }
      } else if (statement.source == null) {
        for (const specifier of statement.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ExportSpecifier) continue;
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
          sites.push({ name: exported, value: specifier.local, statement: specifier, style: 'module' });
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      sites.push({ name: 'default', value: statement.declaration, statement, style: 'module' });
    }
  }
  return sites;
}

/** `module.exports` → default, `exports.x` / `module.exports.x` → x. */
export function exportTarget(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = staticPropertyName(node);
  if (property === undefined) return undefined;
  if (node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'module' && property === 'exports') return 'default';
  if (node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'exports') return property;
  if (exportTarget(node.object) === 'default' && node.object.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node.object) === 'exports') return property;
  return undefined;
}
