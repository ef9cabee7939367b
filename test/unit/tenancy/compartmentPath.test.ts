import * as assert from 'assert';
import { compartmentPath } from '../../../src/core/tenancy/compartmentPath';

describe('the way down to a compartment', () => {
  const parents = new Map([
    ['apps', 'root'],
    ['apps-dev', 'apps'],
    ['network', 'root'],
    ['loop-a', 'loop-b'],
    ['loop-b', 'loop-a'],
  ]);

  it('goes from just below the top to the target, and is empty at the top itself', () => {
    assert.deepStrictEqual(compartmentPath('apps-dev', 'root', parents), ['apps', 'apps-dev']);
    assert.deepStrictEqual(compartmentPath('apps-dev', 'apps', parents), ['apps-dev']);
    assert.deepStrictEqual(compartmentPath('root', 'root', parents), []);
  });

  it('is undefined for a compartment not below the top, and for a loop in the parents', () => {
    assert.strictEqual(compartmentPath('network', 'apps', parents), undefined);
    assert.strictEqual(compartmentPath('elsewhere', 'root', parents), undefined);
    assert.strictEqual(compartmentPath('loop-a', 'root', parents), undefined);
  });
});
