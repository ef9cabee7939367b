import * as assert from 'assert';

// Run only by the harness self-test, to prove that a failing test fails the launcher.
describe('harness self-test', () => {
  it('passes', () => assert.ok(true));
  it('fails on purpose', () => assert.strictEqual(1 + 1, 3));
});
