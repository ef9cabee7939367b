import * as assert from 'assert';
import { compileFilter } from '../../../src/core/xpath/evaluate';
import { parsePayloadTree } from '../../../src/core/xpath/engine/payloadTree';
import { MAX_PAYLOAD_CHARS } from '../../../src/core/xpath/payloadBudget';
import { lineIndex } from '../../../src/core/text/textEdits';
import { describeGrowth, measureGrowth } from '../growth';

const filter = (expression: string) => {
  const compiled = compileFilter(`<xpathExpr xmlns:a="urn:a">${expression}</xpathExpr>`);
  assert.ok(compiled.ok);
  return compiled;
};
const flatPayload = (n: number) => `<a:onEvent xmlns:a="urn:a"><a:r>${'<a:x>1</a:x>'.repeat(n)}</a:r></a:onEvent>`;

describe('the cost of evaluating a filter over a payload', () => {
  // An engine that sorts node sets by scanning siblings, or scans a set for duplicates before
  // adding a node, is quadratic: 4,000 siblings once took 3.2 s for a plain child path, and the
  // emulator evaluates on its only thread.
  for (const expression of ['$eventPayload/a:r/a:x = "zz"', 'count($eventPayload//a:x[. = "zz"]) = 0']) {
    it(`grows linearly with the payload for ${expression}`, () => {
      const compiled = filter(expression.replace(/</g, '&lt;'));
      const growth = measureGrowth(
        [500, 1000, 2000, 4000],
        (n) => {
          const payload = parsePayloadTree(flatPayload(n));
          assert.ok('root' in payload);
          return payload;
        },
        (payload) => assert.strictEqual(compiled.evaluateParsed(payload).value, expression.includes('count')),
      );
      assert.ok(growth.slope < 1.5, describeGrowth(growth));
    });
  }

  it('stops a filter that compares every node with every other, with a clear error', () => {
    const compiled = filter('count($eventPayload//a:x[. = $eventPayload//a:x]) &gt; 0');
    const result = compiled.evaluate(flatPayload(4000));
    assert.strictEqual(result.value, undefined);
    assert.match(result.error ?? '', /visits more than 2,000,000 nodes of this payload, so it was stopped/);
    // The same filter over a small payload is answered, and the budget is per evaluation.
    assert.strictEqual(compiled.evaluate(flatPayload(10)).value, true);
    assert.strictEqual(compiled.evaluate(flatPayload(10)).value, true);
  });

  it('refuses a payload over 4 MB without parsing it', () => {
    const payload = `<a:onEvent xmlns:a="urn:a"><a:x>${'y'.repeat(MAX_PAYLOAD_CHARS)}</a:x></a:onEvent>`;
    assert.match(filter('true()').evaluate(payload).error ?? '', /payloads of more than 4 MB are not evaluated/);
  });

  it('places 100,000 findings by a line index, in linear time', () => {
    const growth = measureGrowth(
      [12500, 25000, 50000, 100000],
      (n) => ({ text: 'x\r\n'.repeat(n), offsets: Array.from({ length: n }, (_, i) => i * 3 + 1) }),
      ({ text, offsets }) => {
        const positionAt = lineIndex(text);
        offsets.forEach((offset) => positionAt(offset));
      },
    );
    assert.ok(growth.slope < 1.5, describeGrowth(growth));
    const positionAt = lineIndex('a\r\nb\rc\nd');
    assert.deepStrictEqual([0, 1, 3, 5, 7, 8].map(positionAt), [
      { line: 0, character: 0 },
      { line: 0, character: 1 },
      { line: 1, character: 0 },
      { line: 2, character: 0 },
      { line: 3, character: 0 },
      { line: 3, character: 1 },
    ]);
  });
});
