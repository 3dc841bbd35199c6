import { AST_NODE_TYPES, type JSONSchema, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { normalizeModuleName } from '../knowledge/lookup';
import { calleeName } from '../shared/callee-name';
import { resolveModuleMember } from '../shared/module-references';
import { isGlobalReference, skipTypeWrappers } from '../shared/promise-detection';
import { isThenable } from '../shared/promise-types';
import { unionParts } from '../shared/union-parts';

/**
 * An entry of `allowForKnownSafeCalls` / `allowForKnownSafePromises`, in the
 * shape of typescript-eslint's TypeOrValueSpecifier: a bare name, or a name
 * with where it is declared: this project's files, TypeScript's lib, or a
 * package.
 */
export type KnownSafeSpecifier =
  | string
  | { from: 'file'; name: string | string[]; path?: string }
  | { from: 'lib'; name: string | string[] }
  | { from: 'package'; name: string | string[]; package: string };

const NAME_SCHEMA: JSONSchema.JSONSchema4 = {
  oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } }],
};

export const KNOWN_SAFE_SCHEMA: JSONSchema.JSONSchema4 = {
  type: 'array',
  uniqueItems: true,
  items: {
    oneOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'name'],
        properties: {
          from: { type: 'string', enum: ['file'] },
          name: NAME_SCHEMA,
          path: { type: 'string', description: 'The declaring file, relative to the project root (the folder of tsconfig.json).' },
        },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'name'],
        properties: { from: { type: 'string', enum: ['lib'] }, name: NAME_SCHEMA },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'name', 'package'],
        properties: {
          from: { type: 'string', enum: ['package'] },
          name: NAME_SCHEMA,
          package: { type: 'string', minLength: 1, description: "The package that declares it ('node:test', 'my-driver')." },
        },
      },
    ],
  },
};

type Origin = { kind: 'file'; fileName: string } | { kind: 'lib' } | { kind: 'package'; name: string };

function namesOf(specifier: KnownSafeSpecifier): readonly string[] {
  if (typeof specifier === 'string') return [specifier];
  return typeof specifier.name === 'string' ? [specifier.name] : specifier.name;
}

function originMatches(specifier: Exclude<KnownSafeSpecifier, string>, origin: Origin, services: ParserServicesWithTypeInformation): boolean {
  switch (specifier.from) {
    case 'lib':
      return origin.kind === 'lib';
    case 'package':
      return origin.kind === 'package' && origin.name === normalizeModuleName(specifier.package);
    case 'file': {
      if (origin.kind !== 'file') return false;
      if (specifier.path === undefined) return true;
      const root = services.program.getCompilerOptions().configFilePath;
      const base = typeof root === 'string' ? root.replace(/[\\/][^\\/]*$/, '') : services.program.getCurrentDirectory();
      return normalizePath(origin.fileName) === normalizePath(`${base}/${specifier.path}`);
    }
  }
}

function normalizePath(file: string): string {
  return file.replace(/\\/g, '/').replace(/\/\.\//g, '/');
}

/** Where a declaration comes from: TypeScript's lib, a package (`node_modules`, `declare module 'x'`), or a project file. */
function originOf(declaration: ts.Declaration, program: ts.Program): Origin {
  const file = declaration.getSourceFile();
  if (program.isSourceFileDefaultLibrary(file)) return { kind: 'lib' };
  for (let current: ts.Node | undefined = declaration.parent; current !== undefined; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) return { kind: 'package', name: normalizeModuleName(current.name.text) };
  }
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file.fileName.replace(/\\/g, '/'));
  if (match?.[1] !== undefined) return { kind: 'package', name: match[1].replace(/^@types\/(?:([^_/]+)__)?/, (_all, scope?: string) => (scope === undefined ? '' : `@${scope}/`)) };
  return { kind: 'file', fileName: file.fileName };
}

/** Whether the symbol (through aliases) is one the specifiers name, by name and origin. */
function symbolMatches(symbol: ts.Symbol, specifiers: readonly KnownSafeSpecifier[], services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const target = (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;
  const declarations = target.declarations ?? [];
  return specifiers.some((specifier) => {
    if (!namesOf(specifier).includes(target.name) && !namesOf(specifier).includes(symbol.name)) return false;
    if (typeof specifier === 'string') return true;
    return declarations.some((declaration) => originMatches(specifier, originOf(declaration, services.program), services));
  });
}

/**
 * `allowForKnownSafeCalls`: whether the call's callee is one the entries
 * name. A string matches the name as written (`'logger.flush'`) or its last
 * part; with types, objects match the declaration's name and origin; without
 * types, `{ from: 'package' }` matches an import of that package and
 * `{ from: 'lib' }` a global.
 */
export function createKnownSafeCalls(
  specifiers: readonly KnownSafeSpecifier[],
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: ParserServicesWithTypeInformation | undefined,
): (callee: TSESTree.Node) => boolean {
  const names = new Set(specifiers.filter((specifier): specifier is string => typeof specifier === 'string'));
  const located = specifiers.filter((specifier): specifier is Exclude<KnownSafeSpecifier, string> => typeof specifier !== 'string');
  return (node) => {
    if (specifiers.length === 0) return false;
    const callee = skipTypeWrappers(node);
    const last = calleeName(callee);
    if (names.has(sourceCode.getText(callee).replace(/\s+/g, '')) || (last !== undefined && names.has(last))) return true;
    if (located.length === 0 || last === undefined) return false;
    if (services !== undefined) {
      const tsNode = services.esTreeNodeToTSNodeMap.get(callee);
      const target = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
      const symbol = services.program.getTypeChecker().getSymbolAtLocation(target);
      if (symbol !== undefined && symbolMatches(symbol, located, services)) return true;
      // `const fs = require('fs')` in a TypeScript file is `any`: what the syntax shows still counts.
    }
    return located.some((specifier) => {
      if (!namesOf(specifier).includes(last)) return false;
      if (specifier.from === 'lib') return callee.type === AST_NODE_TYPES.Identifier && isGlobalReference(callee, sourceCode);
      if (specifier.from !== 'package') return false;
      const member = resolveModuleMember(callee, sourceCode);
      return member !== undefined && normalizeModuleName(member.module) === normalizeModuleName(specifier.package);
    });
  };
}

/**
 * `allowForKnownSafePromises` (types only): whether every thenable member of
 * the value's type is a type the entries name (`SafePromise`, `{ from:
 * 'package', package: 'knex', name: 'QueryBuilder' }`).
 */
export function createKnownSafePromises(
  specifiers: readonly KnownSafeSpecifier[],
  services: ParserServicesWithTypeInformation | undefined,
): (node: TSESTree.Node) => boolean {
  return (node) => {
    if (specifiers.length === 0 || services === undefined) return false;
    const checker = services.program.getTypeChecker();
    const tsNode = services.esTreeNodeToTSNodeMap.get(node);
    const type = checker.getTypeAtLocation(tsNode);
    const thenables = unionParts(type).filter((part) => isThenable(checker, part, tsNode));
    return (
      thenables.length > 0 &&
      thenables.every((part) => {
        const symbol = part.aliasSymbol ?? part.getSymbol();
        return symbol !== undefined && symbolMatches(symbol, specifiers, services);
      })
    );
  };
}
