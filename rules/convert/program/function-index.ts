import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunctionNode, type FunctionNode } from '../../shared/async-context';
import { resolveModuleMember, staticPropertyName } from '../../shared/module-references';
import { exportSites, exportTarget, type ExportSite } from './module-exports';
import type { Program, ProgramFile } from './program';

type Variable = TSESLint.Scope.Variable;

/** What a method belongs to: a class or constructor (its instances), an object literal, or a file's exports. */
export type OwnerKey = Variable | ProgramFile;

export interface FunctionInfo {
  readonly fn: FunctionNode;
  readonly file: ProgramFile;
  /** The name callers use. */
  readonly name: string;
  /** How callers reach it: a variable (`f(…)`), or a member of an owner (`this.f(…)`, `repo.f(…)`, `exports.f`). */
  readonly binding: { readonly kind: 'variable'; readonly variable: Variable } | { readonly kind: 'member'; readonly owner: OwnerKey; readonly ownerKind: 'class' | 'object' | 'exports' };
}

export interface FunctionReference {
  /** The expression naming the function (or the function itself, when it is written where it is exported). */
  readonly node: TSESTree.Node;
  readonly file: ProgramFile;
  readonly kind: 'call' | 'export' | 'value';
  /** For an export: where. */
  readonly exportSite?: ExportSite;
}

export interface FunctionIndex {
  readonly infoOf: (fn: FunctionNode) => FunctionInfo | undefined;
  readonly resolve: (callee: TSESTree.Node, file: ProgramFile) => FunctionNode | undefined;
  readonly referencesOf: (fn: FunctionNode) => readonly FunctionReference[];
  /** `x.name` accesses whose object could not be resolved: possible callers of any method called `name`. */
  readonly unresolvedMembers: (name: string) => readonly TSESTree.MemberExpression[];
  /** Where a public file hands out the owner (the class, or an instance) to code outside the program, if it does. */
  readonly publicSiteOf: (owner: OwnerKey) => { readonly node: TSESTree.Node; readonly file: ProgramFile } | undefined;
}

const indexes = new WeakMap<Program, FunctionIndex>();

export function functionIndex(program: Program): FunctionIndex {
  let index = indexes.get(program);
  if (index === undefined) {
    index = buildIndex(program);
    indexes.set(program, index);
  }
  return index;
}

function buildIndex(program: Program): FunctionIndex {
  const infos = new Map<FunctionNode, FunctionInfo>();
  const byVariable = new Map<Variable, FunctionNode>();
  const members = new Map<OwnerKey, Map<string, FunctionNode>>();
  const exportsByFile = new Map<ProgramFile, ExportSite[]>();
  const ownerKinds = new Map<OwnerKey, 'class' | 'object' | 'exports'>();

  const addMember = (owner: OwnerKey, ownerKind: 'class' | 'object' | 'exports', name: string, fn: FunctionNode, file: ProgramFile): void => {
    const map = members.get(owner) ?? new Map<string, FunctionNode>();
    if (map.has(name)) return;
    map.set(name, fn);
    members.set(owner, map);
    ownerKinds.set(owner, ownerKind);
    infos.set(fn, { fn, file, name, binding: { kind: 'member', owner, ownerKind } });
  };

  for (const file of program.files) {
    exportsByFile.set(file, exportSites(file.sourceCode.ast));
    for (const fn of file.record.functions) register(fn, file);
  }

  function register(fn: FunctionNode, file: ProgramFile): void {
    const sourceCode = file.sourceCode;
    const parent = fn.parent;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id !== null) {
      const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.defs[0]?.type === DefinitionType.FunctionName);
      if (variable !== undefined && isWrittenOnce(variable)) setVariable(variable, fn, file);
      return;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = sourceCode.getDeclaredVariables(parent)[0];
      if (variable !== undefined && isWrittenOnce(variable)) setVariable(variable, fn, file);
      return;
    }
    if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'method' && !parent.computed && !parent.static && parent.value === fn) {
      const name = keyName(parent.key);
      const owner = classVariable(parent.parent.parent, sourceCode);
      if (name !== undefined && owner !== undefined) addMember(owner, 'class', name, fn, file);
      return;
    }
    if (parent.type === AST_NODE_TYPES.Property && parent.value === fn && !parent.computed && parent.kind === 'init') {
      const name = keyName(parent.key);
      const object = parent.parent;
      if (name === undefined || object.type !== AST_NODE_TYPES.ObjectExpression) return;
      const holder = object.parent;
      if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.init === object && holder.id.type === AST_NODE_TYPES.Identifier) {
        const variable = sourceCode.getDeclaredVariables(holder)[0];
        if (variable !== undefined && isWrittenOnce(variable)) addMember(variable, 'object', name, fn, file);
      } else if (holder.type === AST_NODE_TYPES.AssignmentExpression && holder.right === object && exportTarget(holder.left) === 'default') {
        addMember(file, 'exports', name, fn, file);
      }
      return;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.operator === '=' && parent.parent.type === AST_NODE_TYPES.ExpressionStatement) {
      const target = parent.left;
      const exported = exportTarget(target);
      if (exported !== undefined) {
        addMember(file, 'exports', exported, fn, file);
        return;
      }
      // `K.prototype.m = function (…) {…}`
      if (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(target.object) === 'prototype') {
        const name = staticPropertyName(target);
        const constructor = target.object.object;
        if (name === undefined || constructor.type !== AST_NODE_TYPES.Identifier) return;
        const variable = ASTUtils.findVariable(sourceCode.getScope(constructor), constructor);
        if (variable !== null) addMember(variable, 'class', name, fn, file);
      }
    }
  }

  function setVariable(variable: Variable, fn: FunctionNode, file: ProgramFile): void {
    byVariable.set(variable, fn);
    infos.set(fn, { fn, file, name: variable.name, binding: { kind: 'variable', variable } });
  }

  function exportedFunction(file: ProgramFile, name: string): FunctionNode | undefined {
    const member = members.get(file)?.get(name);
    if (member !== undefined) return member;
    const site = exportsByFile.get(file)?.find((candidate) => candidate.name === name);
    if (site === undefined) return undefined;
    if (isFunctionNode(site.value)) return site.value;
    if (site.value.type === AST_NODE_TYPES.Identifier) return resolve(site.value, file);
    return undefined;
  }

  /** The owner whose members `object.m` reaches. */
  function ownerOf(object: TSESTree.Node, file: ProgramFile): OwnerKey | undefined {
    const sourceCode = file.sourceCode;
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const method = enclosingNonArrow(object);
      if (method === undefined) return undefined;
      const info = infos.get(method);
      if (info?.binding.kind === 'member') return info.binding.owner;
      // `this.m(…)` inside the constructor function `K` whose prototype holds `m`.
      if (info?.binding.kind === 'variable' && members.has(info.binding.variable)) return info.binding.variable;
      if (method.parent.type === AST_NODE_TYPES.MethodDefinition && method.parent.kind === 'constructor') return classVariable(method.parent.parent.parent, sourceCode);
      return undefined;
    }
    if (object.type === AST_NODE_TYPES.MemberExpression && exportTarget(object) === 'default') return file;
    if (object.type === AST_NODE_TYPES.CallExpression) {
      const member = resolveModuleMember(object, sourceCode);
      const target = member === undefined ? undefined : program.resolveSpecifier(file, member.module);
      return target !== undefined && member?.path.length === 0 ? target : undefined;
    }
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
    if (variable === null) return undefined;
    if (variable.defs.length === 0) return object.name === 'exports' ? file : undefined;
    if (variable.defs[0]?.type === DefinitionType.Parameter) return parameterOwner(variable, file);
    if (members.has(variable) && ownerKinds.get(variable) === 'object') return variable;
    const definition = variable.defs[0];
    if (variable.defs.length !== 1 || !isWrittenOnce(variable) || definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    const init = definition.node.init;
    // `const self = this`: the `this` of the function declaring it.
    if (init?.type === AST_NODE_TYPES.ThisExpression && definition.node.parent.kind === 'const') return ownerOf(init, file);
    if (definition.node.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.NewExpression) return classOf(init.callee, file);
    // `const store = openStore(dir)`, where every return of `openStore` is `new NoteStore(…)`.
    if (definition.node.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.CallExpression) {
      const factoryOwner = factoryResult(init, file);
      if (factoryOwner !== undefined) return factoryOwner;
    }
    const member = resolveModuleMember(object, sourceCode);
    const target = member === undefined ? undefined : program.resolveSpecifier(file, member.module);
    return target !== undefined && member?.path.length === 0 ? target : undefined;
  }

  /** The class a constructor expression names: a class or constructor of this file, or one a relative `require`/`import` brings. */
  function classOf(node: TSESTree.Node, file: ProgramFile): OwnerKey | undefined {
    if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) {
      const variable = classVariable(node, file.sourceCode);
      return variable !== undefined && ownerKinds.get(variable) === 'class' ? variable : undefined;
    }
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
    if (variable === null) return undefined;
    if (members.has(variable)) return ownerKinds.get(variable) === 'class' ? variable : undefined;
    const member = resolveModuleMember(node, file.sourceCode);
    const target = member === undefined ? undefined : program.resolveSpecifier(file, member.module);
    if (target === undefined || member === undefined || member.path.length > 1) return undefined;
    const site = exportsByFile.get(target)?.find((candidate) => candidate.name === (member.path[0] ?? 'default'));
    return site === undefined ? undefined : classOf(site.value, target);
  }

  const inProgress = new Set<TSESTree.Node>();
  /** Guards the owner questions that follow calls and parameters: a cycle gives no owner. */
  function guarded(key: TSESTree.Node, question: () => OwnerKey | undefined): OwnerKey | undefined {
    if (inProgress.has(key)) return undefined;
    inProgress.add(key);
    try {
      return question();
    } finally {
      inProgress.delete(key);
    }
  }

  /** The one owner every `return` of the called program function gives (`return new K(…)`), if there is one. */
  function factoryResult(call: TSESTree.CallExpression, file: ProgramFile): OwnerKey | undefined {
    const fn = resolve(call.callee, file);
    return fn === undefined ? undefined : returnedOwner(fn);
  }

  function returnedOwner(fn: FunctionNode): OwnerKey | undefined {
    const fnFile = infos.get(fn)?.file;
    if (fnFile === undefined || fn.async || fn.generator) return undefined;
    return guarded(fn, () => {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body.type === AST_NODE_TYPES.NewExpression ? classOf(fn.body.callee, fnFile) : undefined;
      const returns = [...fnFile.record.segmentsOf.keys()].filter((node): node is TSESTree.ReturnStatement => node.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(node) === fn);
      const owners = new Set(returns.map((statement) => (statement.argument?.type === AST_NODE_TYPES.NewExpression ? classOf(statement.argument.callee, fnFile) : undefined)));
      const [owner] = owners;
      return returns.length > 0 && owners.size === 1 ? owner : undefined;
    });
  }

  /**
   * `function show(store, key) { store.get(key, …) }`: the parameter's owner
   * when the function is called only by name, in its file (it is not
   * exported or used as a value), each call passing a value of the same owner.
   */
  function parameterOwner(variable: Variable, file: ProgramFile): OwnerKey | undefined {
    const definition = variable.defs[0];
    const fn = definition?.node;
    if (fn === undefined || !isFunctionNode(fn) || !isWrittenOnce(variable)) return undefined;
    const index = fn.params.indexOf(definition?.name as TSESTree.Parameter);
    const info = infos.get(fn);
    if (index < 0 || info?.binding.kind !== 'variable') return undefined;
    const binding = info.binding.variable;
    const sites = exportsByFile.get(file) ?? [];
    return guarded(definition?.name as TSESTree.Node, () => {
      const owners = new Set<OwnerKey | undefined>();
      for (const reference of binding.references) {
        const call = reference.identifier.parent;
        if (reference.init === true) continue;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier || sites.some((site) => site.value === reference.identifier)) return undefined;
        const argument = call.arguments[index];
        owners.add(argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement ? undefined : ownerOf(argument, file));
      }
      const [owner] = owners;
      return owners.size === 1 ? owner : undefined;
    });
  }

  function resolve(callee: TSESTree.Node, file: ProgramFile): FunctionNode | undefined {
    const sourceCode = file.sourceCode;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
      if (variable === null) return undefined;
      const local = byVariable.get(variable);
      if (local !== undefined) return local;
      const member = resolveModuleMember(callee, sourceCode);
      const target = member === undefined ? undefined : program.resolveSpecifier(file, member.module);
      if (target === undefined || member === undefined || member.path.length > 1) return undefined;
      return exportedFunction(target, member.path[0] ?? 'default');
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(callee);
      if (name === undefined) return undefined;
      const owner = ownerOf(callee.object, file);
      if (owner === undefined) return undefined;
      return 'defs' in owner ? members.get(owner)?.get(name) : exportedFunction(owner, name);
    }
    return undefined;
  }

  const references = new Map<FunctionNode, FunctionReference[]>();
  const unresolved = new Map<string, TSESTree.MemberExpression[]>();
  const addReference = (fn: FunctionNode, reference: FunctionReference): void => {
    const list = references.get(fn) ?? [];
    list.push(reference);
    references.set(fn, list);
  };
  const memberNames = new Set<string>();
  for (const map of members.values()) for (const name of map.keys()) memberNames.add(name);
  // `lib.f(…)` where `lib = require('./lib')` exports `f` by name.
  for (const sites of exportsByFile.values()) for (const site of sites) memberNames.add(site.name);

  for (const file of program.files) {
    const sites = exportsByFile.get(file) ?? [];
    const siteOf = (node: TSESTree.Node): ExportSite | undefined => sites.find((site) => site.value === node);
    const classify = (node: TSESTree.Node, fn: FunctionNode): FunctionReference | undefined => {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) return { node, file, kind: 'call' };
      if (isAliasOf(node, fn, file)) return undefined;
      const site = siteOf(node);
      return site === undefined ? { node, file, kind: 'value' } : { node, file, kind: 'export', exportSite: site };
    };
    const record = (fn: FunctionNode, node: TSESTree.Node): void => {
      const reference = classify(node, fn);
      if (reference !== undefined) addReference(fn, reference);
    };
    for (const scope of file.sourceCode.scopeManager?.scopes ?? []) {
      for (const reference of scope.references) {
        if (reference.init === true || reference.isWrite()) continue;
        const identifier = reference.identifier;
        const parent = identifier.parent;
        // `a.b`: the member expression is the reference, looked at below.
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier && memberNames.has(staticPropertyName(parent) ?? '')) continue;
        const fn = resolve(identifier, file);
        if (fn !== undefined) record(fn, identifier);
      }
    }
    for (const member of file.record.members) {
      const name = staticPropertyName(member);
      if (name === undefined || !memberNames.has(name)) continue;
      if (member.parent.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member) continue;
      const fn = resolve(member, file);
      if (fn !== undefined) record(fn, member);
      else {
        const list = unresolved.get(name) ?? [];
        list.push(member);
        unresolved.set(name, list);
      }
    }
    // A function written where it is exported (`exports.f = function …`, `module.exports = { f() {} }`).
    for (const site of sites) if (isFunctionNode(site.value)) addReference(site.value, { node: site.value, file, kind: 'export', exportSite: site });
  }

  /**
   * `var mkdirs = lib.mkdirs` (`lib = require('./lib')`): a name for a module's
   * function whose every use resolves to it on its own, so the reads through
   * it are the references, not the alias.
   */
  function isAliasOf(node: TSESTree.Node, fn: FunctionNode, file: ProgramFile): boolean {
    const declarator = node.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
    if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
    const variable = file.sourceCode.getDeclaredVariables(declarator)[0];
    if (variable === undefined || !isWrittenOnce(variable)) return false;
    return variable.references.every((reference) => reference.init === true || resolve(reference.identifier, file) === fn);
  }

  let publicSites: Map<OwnerKey, { node: TSESTree.Node; file: ProgramFile }> | undefined;
  /** Owners a public file exports (the class, an instance, a factory's result): their methods are public API. */
  const publicSiteOf = (owner: OwnerKey): { node: TSESTree.Node; file: ProgramFile } | undefined => {
    if (publicSites === undefined) {
      publicSites = new Map();
      for (const file of program.files) {
        if (!program.isPublicFile(file)) continue;
        for (const site of exportsByFile.get(file) ?? []) {
          const fn = isFunctionNode(site.value) ? site.value : resolve(site.value, file);
          const found = classOf(site.value, file) ?? ownerOf(site.value, file) ?? (fn === undefined ? undefined : returnedOwner(fn));
          if (found !== undefined && !publicSites.has(found)) publicSites.set(found, { node: site.value, file });
        }
      }
    }
    return publicSites.get(owner);
  };

  return {
    publicSiteOf,
    infoOf: (fn) => infos.get(fn),
    resolve,
    referencesOf: (fn) => references.get(fn) ?? [],
    unresolvedMembers: (name) => unresolved.get(name) ?? [],
  };
}

function isWrittenOnce(variable: Variable): boolean {
  return variable.defs.length === 1 && !variable.references.some((reference) => reference.isWrite() && reference.init !== true);
}

function keyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

function classVariable(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): Variable | undefined {
  if (node.type === AST_NODE_TYPES.ClassDeclaration) return sourceCode.getDeclaredVariables(node)[0];
  if (node.type === AST_NODE_TYPES.ClassExpression && node.parent.type === AST_NODE_TYPES.VariableDeclarator) return sourceCode.getDeclaredVariables(node.parent)[0];
  return undefined;
}

/** The function whose `this` a `this` expression is: arrows are skipped. */
export function enclosingNonArrow(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current != null; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) return current;
  }
  return undefined;
}
