import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../shared/async-context';
import { typeAnnotationOf } from '../shared/optional-keys';
import { promiseMethodName } from '../shared/promise-detection';
import { isCallbackCandidate, type PromiseJudge } from './promise-judge';
import {
  calleeIsAny,
  contextExpectsVoidFunction,
  memberReturnsThenable,
  propertyExpectsVoidFunction,
  spreadHoldsThenableFunctions,
  valueReturnsThenable,
  voidBaseMemberOf,
  voidCallbackArgumentIndices,
  type InheritingMember,
} from './void-return-context';

export type VoidReturnMessageId = 'asyncVoidArgument' | 'asyncVoidAttribute' | 'asyncVoidProperty' | 'asyncVoidVariable' | 'asyncVoidInheritedMethod';

/** Which places the void-return check looks at (the `checksVoidReturn` option). */
export interface VoidReturnPlaces {
  arguments: boolean;
  attributes: boolean;
  properties: boolean;
  variables: boolean;
  inheritedMethods: boolean;
}

interface Reporter {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  report(descriptor: TSESLint.ReportDescriptor<VoidReturnMessageId>): void;
}

/**
 * Type-aware only: a promise-returning function put where its type says the
 * result is `void` (a parameter, a JSX attribute, an object property, a typed
 * variable, a base class's method). Whoever calls it through that type drops
 * the promise. Each place asks the cheap question first (does the function
 * return a promise: `async` needs no checker) and the contextual type last.
 */
export function createVoidReturnChecks(context: Reporter, judge: PromiseJudge, places: VoidReturnPlaces) {
  const { services } = judge;
  const { sourceCode } = context;

  function returnsPromise(node: TSESTree.Node): boolean {
    if (!isCallbackCandidate(node)) return false;
    if (judge.returnsPromise(node)) return true;
    return services !== undefined && !isFunctionNode(node) && valueReturnsThenable(node, services);
  }

  function returnsPromiseOrSpreadsSuch(argument: TSESTree.Node): boolean {
    if (argument.type === AST_NODE_TYPES.SpreadElement) return services !== undefined && spreadHoldsThenableFunctions(argument, services);
    return returnsPromise(argument);
  }

  return {
    /** The arguments of a call not already reported by a more specific check (`skip`). */
    checkArguments: (call: TSESTree.CallExpression | TSESTree.NewExpression, skip: ReadonlySet<TSESTree.Node>): void => {
      if (services === undefined || !places.arguments) return;
      // `p.finally(async () => …)`: `finally` waits for the promise its callback returns.
      if (call.type === AST_NODE_TYPES.CallExpression && promiseMethodName(call) === 'finally') return;
      // The syntax first, then the callee (its type was asked already for a statement call), the arguments' types last.
      const possible = call.arguments.filter((argument) => !skip.has(argument) && (argument.type === AST_NODE_TYPES.SpreadElement || isCallbackCandidate(argument)));
      if (possible.length === 0 || calleeIsAny(call, services)) return;
      const candidates = possible.filter(returnsPromiseOrSpreadsSuch);
      if (candidates.length === 0) return;
      const indices = voidCallbackArgumentIndices(call, services);
      for (const argument of candidates) {
        if (indices.has(call.arguments.indexOf(argument))) context.report({ node: argument, messageId: 'asyncVoidArgument' });
      }
    },
    JSXAttribute: (attribute: TSESTree.JSXAttribute): void => {
      if (services === undefined || !places.attributes || attribute.value?.type !== AST_NODE_TYPES.JSXExpressionContainer) return;
      const expression = attribute.value.expression;
      if (expression.type === AST_NODE_TYPES.JSXEmptyExpression || !returnsPromise(expression)) return;
      if (!contextExpectsVoidFunction(expression, services)) return;
      const name = attribute.name.type === AST_NODE_TYPES.JSXIdentifier ? attribute.name.name : `${attribute.name.namespace.name}:${attribute.name.name.name}`;
      context.report({ node: attribute.value, messageId: 'asyncVoidAttribute', data: { name } });
    },
    Property: (property: TSESTree.Property): void => {
      if (services === undefined || !places.properties || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      if (!returnsPromise(property.value) || !propertyExpectsVoidFunction(property, services)) return;
      context.report({ node: property.method ? property.key : property.value, messageId: 'asyncVoidProperty', data: { name: keyName(property.key) } });
    },
    VariableDeclarator: (declarator: TSESTree.VariableDeclarator): void => {
      if (services === undefined || !places.variables || declarator.id.type !== AST_NODE_TYPES.Identifier || typeAnnotationOf(declarator.id) === undefined) return;
      const init = declarator.init;
      if (init === null || !returnsPromise(init) || !contextExpectsVoidFunction(init, services)) return;
      context.report({ node: init, messageId: 'asyncVoidVariable', data: { name: declarator.id.name } });
    },
    AssignmentExpression: (assignment: TSESTree.AssignmentExpression): void => {
      if (services === undefined || !places.variables || assignment.operator !== '=') return;
      if (!returnsPromise(assignment.right) || !contextExpectsVoidFunction(assignment.right, services)) return;
      context.report({ node: assignment.right, messageId: 'asyncVoidVariable', data: { name: sourceCode.getText(assignment.left) } });
    },
    /** Class members (`extends`, `implements`) and interface members (`extends`). */
    inheritingMember: (member: InheritingMember): void => {
      if (services === undefined || !places.inheritedMethods) return;
      const owner = member.parent.parent;
      if (owner === undefined) return;
      if (owner.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
        if (owner.extends.length === 0) return;
      } else if (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) {
        if (owner.superClass == null && owner.implements.length === 0) return;
      } else {
        return;
      }
      // Abstract and signature members have no body (`TSEmptyBodyFunctionExpression`): their declared type tells.
      const written = 'value' in member ? member.value : null;
      const value = written?.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression ? null : written;
      // `count = 0`: a member that holds no function is not asked about.
      if (value !== null && !isCallbackCandidate(value)) return;
      const returns = value !== null && isFunctionNode(value) ? judge.returnsPromise(value) : memberReturnsThenable(member, services);
      if (!returns) return;
      const base = voidBaseMemberOf(member, services);
      if (base === undefined) return;
      context.report({ node: member.key, messageId: 'asyncVoidInheritedMethod', data: { name: keyName(member.key), base } });
    },
  };
}

function keyName(key: TSESTree.Node): string {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  return '[computed]';
}
