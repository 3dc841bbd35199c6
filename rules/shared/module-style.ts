import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { sourceTypeOf } from './source-type';

export interface ModuleStyle {
  readonly esm: boolean;
  readonly quote: "'" | '"';
  readonly semicolon: boolean;
}

const cache = new WeakMap<TSESTree.Program, ModuleStyle>();

/** How the file writes its imports, so added ones look like the rest. */
export function getModuleStyle(sourceCode: Readonly<TSESLint.SourceCode>): ModuleStyle {
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached !== undefined) return cached;
  const imports = program.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const hasModuleSyntax = program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
  const usesRequire = /\brequire\s*\(/.test(sourceCode.text);
  const esm = hasModuleSyntax || (!usesRequire && sourceTypeOf(program) === 'module');
  const sample =
    imports[0] ??
    program.body.find(
      (statement) =>
        statement.type === AST_NODE_TYPES.VariableDeclaration && /^\s*require\s*\(/.test(sourceCode.getText(statement.declarations[0]?.init ?? statement)),
    );
  const sampleText = sample === undefined ? '' : sourceCode.getText(sample);
  const quote = /\(\s*"|from\s+"/.test(sampleText) ? '"' : "'";
  // Without an import to copy, a file with no semicolon at all is taken as semicolon-free.
  const semicolon = sample === undefined ? sourceCode.text.includes(';') : sampleText.trimEnd().endsWith(';');
  const style: ModuleStyle = { esm, quote, semicolon };
  cache.set(program, style);
  return style;
}
