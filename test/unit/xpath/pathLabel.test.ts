import * as assert from 'assert';
import { lastStepLabel } from '../../../src/core/xpath/pathLabel';

describe('a filter path as a short row label', () => {
  it('keeps the last step, after "…/"', () => {
    assert.strictEqual(lastStepLabel('$eventPayload/ns2:result/ns0:Value/ns9:POHeaderId'), '…/ns9:POHeaderId');
    assert.strictEqual(lastStepLabel('$eventPayload//ns0:Amount'), '…/ns0:Amount');
    assert.strictEqual(lastStepLabel('$eventPayload'), '$eventPayload');
  });

  it('does not cut inside a predicate, a function call or a string', () => {
    assert.strictEqual(lastStepLabel('$p/a/b[c/d = "x/y"]'), '…/b[c/d = "x/y"]');
    assert.strictEqual(lastStepLabel("$p/a[contains(., 'a/b')]"), "…/a[contains(., 'a/b')]");
    assert.strictEqual(lastStepLabel('count($p/a/b)'), 'count($p/a/b)');
  });

  it('leaves a path that ends in a slash whole', () => {
    assert.strictEqual(lastStepLabel('/'), '/');
  });
});
