import * as assert from 'node:assert/strict';
import { ESLintUtils } from '@typescript-eslint/utils';
import { mergedOptionsCache } from '../../rules/shared/merged-options';

describe('mergedOptionsCache', () => {
  const defaults = [{ max: 3, names: ['a'], nested: { on: true } }] as const;

  it('merges like typescript-eslint, once per distinct configuration, and freezes the result', () => {
    const optionsFor = mergedOptionsCache<readonly [{ max?: number; names?: readonly string[]; nested?: { on?: boolean } }]>(defaults);
    const user = [{ max: 5 }];
    const first = optionsFor(user);
    assert.deepEqual(first, ESLintUtils.applyDefault(defaults, user as never));
    // ESLint hands every file a new array: equal options give the same object.
    assert.equal(optionsFor([{ max: 5 }]), first);
    assert.notEqual(optionsFor([{ max: 6 }]), first);
    assert.deepEqual(optionsFor([]), ESLintUtils.applyDefault(defaults, [] as never));
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first[0]) && Object.isFrozen(first[0].nested));
    // The user's configuration objects are not the ones frozen.
    assert.ok(!Object.isFrozen(user[0]));
  });
});
