import * as assert from 'assert';
import { Disposable } from '../../../src/platform/disposable';

class Owner extends Disposable {
  add(dispose: () => void): void {
    this._register({ dispose });
  }
}

describe('Disposable', () => {
  it('disposes every child, newest first, even when one throws, and then throws what it threw', () => {
    const owner = new Owner();
    const disposed: string[] = [];
    owner.add(() => disposed.push('log'));
    owner.add(() => {
      throw new Error('server would not close');
    });
    owner.add(() => disposed.push('view'));
    assert.throws(() => owner.dispose(), /server would not close/);
    assert.deepStrictEqual(disposed, ['view', 'log']);
  });

  it('reports every failure when several children throw, and disposes once', () => {
    const owner = new Owner();
    let calls = 0;
    owner.add(() => {
      calls++;
      throw new Error('a');
    });
    owner.add(() => {
      calls++;
      throw new Error('b');
    });
    assert.throws(
      () => owner.dispose(),
      (err: AggregateError) => err.errors.length === 2 && /2 parts failed to dispose/.test(err.message),
    );
    assert.doesNotThrow(() => owner.dispose());
    assert.strictEqual(calls, 2);
  });

  it('disposes at once what is registered after it was disposed', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = false;
    owner.add(() => (disposed = true));
    assert.ok(disposed);
  });
});
