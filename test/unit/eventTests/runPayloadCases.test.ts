import * as assert from 'assert';
import { runPayloadCases } from '../../../src/core/eventTests/runPayloadCases';
import { parseTestFile } from '../../../src/core/eventTests/testFile';
import { compileFilter } from '../../../src/core/xpath/evaluate';
import { poFilter, poPayload, SEED_FILTER } from '../xpath/fixtures';

const files = (entries: Record<string, string>) => (path: string) =>
  path in entries ? Promise.resolve(entries[path]) : Promise.reject(new Error(`${path}: no such file or folder.`));

describe('running the payload cases of a filter’s test file', () => {
  it('passes and fails by the filter’s value, saying what each path selected', async () => {
    const file = parseTestFile(
      JSON.stringify({
        filter: 'po.xpathfilter',
        cases: [
          { name: 'lan cable', payload: 'lan.xml', expect: true },
          { name: 'monitor', payload: poPayload({ item: 'Monitor' }), expect: false },
          { name: 'monitor, wrongly', payload: poPayload({ item: 'Monitor' }), expect: true },
        ],
      }),
    );
    const outcomes = (
      await runPayloadCases(file, files({ 'po.xpathfilter': SEED_FILTER, 'lan.xml': poPayload() }), compileFilter)
    ).outcomes;
    assert.deepStrictEqual(
      outcomes.map((o) => [o.name, o.status]),
      [
        ['lan cable', 'passed'],
        ['monitor', 'passed'],
        ['monitor, wrongly', 'failed'],
      ],
    );
    assert.strictEqual(outcomes[2].message, 'Expected true, got false.');
    assert.deepStrictEqual(outcomes[2].trace, [
      '$eventPayload/ns2:result/ns0:Value/ns0:PurchaseOrderLine/ns0:ItemDescription: 1 node ("Monitor")',
    ]);
  });

  it('errors every case of a filter that cannot run, and a case whose payload is not XML', async () => {
    const broken = parseTestFile(
      JSON.stringify({ filter: 'bad.xpathfilter', cases: [{ name: 'a', payload: 'p.xml', expect: true }] }),
    );
    const [refused] = (
      await runPayloadCases(
        broken,
        files({ 'bad.xpathfilter': poFilter('$eventPayload/ns9:x = 1'), 'p.xml': poPayload() }),
        compileFilter,
      )
    ).outcomes;
    assert.strictEqual(refused.status, 'errored');
    assert.match(refused.message!, /^The filter cannot be evaluated: .*ns9/);
    const file = parseTestFile(
      JSON.stringify({ filter: 'po.xpathfilter', cases: [{ name: 'not xml', payload: '<a><b></a>', expect: true }] }),
    );
    const [bad] = (await runPayloadCases(file, files({ 'po.xpathfilter': SEED_FILTER }), compileFilter)).outcomes;
    assert.strictEqual(bad.status, 'errored');
    assert.match(bad.message!, /^The payload cannot be evaluated: /);
  });
});

describe('where a failing payload case was decided', () => {
  it('is the operand of an and that was false, or of an or that was true, followed down', async () => {
    const filterText = poFilter(
      '$eventPayload//ns0:Total > 100 and ($eventPayload//ns0:ItemDescription = "Lan Cable" or $eventPayload//ns0:ItemDescription = "Router")',
    );
    const file = parseTestFile(
      JSON.stringify({
        filter: 'po.xpathfilter',
        cases: [
          { name: 'small', payload: poPayload({ total: 50 }), expect: true },
          { name: 'monitor', payload: poPayload({ item: 'Monitor' }), expect: true },
          { name: 'big lan cable', payload: poPayload(), expect: false },
        ],
      }),
    );
    const outcomes = (await runPayloadCases(file, files({ 'po.xpathfilter': filterText }), compileFilter)).outcomes;
    const at = (span: { start: number; end: number }) => filterText.slice(span.start, span.end);
    assert.deepStrictEqual(
      outcomes.map((o) => at(o.decidedAt!)),
      [
        '$eventPayload//ns0:Total > 100',
        '($eventPayload//ns0:ItemDescription = "Lan Cable" or $eventPayload//ns0:ItemDescription = "Router")',
        // A true `and`: both operands made it so.
        filterText.slice(filterText.indexOf('$eventPayload//ns0:Total'), filterText.indexOf('</xpathExpr>')),
      ],
    );
  });
});
