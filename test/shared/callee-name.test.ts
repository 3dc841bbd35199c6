import * as assert from 'node:assert/strict';
import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName } from '../../rules/shared/callee-name';

function nameOf(code: string): string | undefined {
  const statement = parse(code).body[0] as TSESTree.ExpressionStatement;
  const expression = statement.expression.type === AST_NODE_TYPES.ChainExpression ? statement.expression.expression : statement.expression;
  return calleeName((expression as TSESTree.CallExpression).callee);
}

describe('calleeName', () => {
  it('names plain, member, computed-string, private and optional calls', () => {
    assert.equal(nameOf('run();'), 'run');
    assert.equal(nameOf('a.b.forEach(f);'), 'forEach');
    assert.equal(nameOf("a['forEach'](f);"), 'forEach');
    assert.equal(nameOf('x.y?.z();'), 'z');
    assert.equal(nameOf('fn!();'), 'fn');
    assert.equal(nameOf('(fn as Runner)();'), 'fn');
  });

  it('names a private method #name', () => {
    const program = parse('class A { #run() {} go() { this.#run(); } }');
    const klass = program.body[0] as TSESTree.ClassDeclaration;
    const go = klass.body.body[1] as TSESTree.MethodDefinition;
    const call = (go.value.body?.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
    assert.equal(calleeName(call.callee), '#run');
  });

  it('gives no name where the code does not say one', () => {
    assert.equal(nameOf('a[key](f);'), undefined);
    assert.equal(nameOf('a[0](f);'), undefined);
    assert.equal(nameOf('(() => {})();'), undefined);
    assert.equal(nameOf('make()();'), undefined);
  });
});
