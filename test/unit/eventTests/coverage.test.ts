import * as assert from 'assert';
import { CoverageItem, coverageSummary, mergeCoverageItems } from '../../../src/core/eventTests/coverage';
import { runEventCases } from '../../../src/core/eventTests/runEventCases';
import { runPayloadCases } from '../../../src/core/eventTests/runPayloadCases';
import { parseTestFile } from '../../../src/core/eventTests/testFile';
import { compileFilter } from '../../../src/core/xpath/evaluate';
import { poFilter, poPayload } from '../xpath/fixtures';

const CREATE = 'com.oraclecloud.objectstorage.createobject';
const UPDATE = 'com.oraclecloud.objectstorage.updateobject';
const CONDITION = {
  eventType: [CREATE, UPDATE],
  data: { resourceName: 'file_chunk/*VAULT*', additionalDetails: { bucketName: 'RMAN_BCS' } },
};
const event = (eventType: string, resourceName: string, bucketName: string) => ({
  eventType,
  data: { resourceName, additionalDetails: { bucketName } },
});
const CONDITION_TEXT = JSON.stringify(CONDITION, null, 2);

async function conditionCoverage(cases: unknown[]): Promise<{ items: CoverageItem[]; text: string }> {
  const test = parseTestFile(JSON.stringify({ condition: 'backups.condition.json', cases }));
  const run = await runEventCases(test, () => Promise.resolve(CONDITION_TEXT), { coverage: true });
  return { items: [...run.coverage!.items], text: CONDITION_TEXT };
}

/** Each item as the text at its range, and whether it is covered. */
const shown = ({ items, text }: { items: CoverageItem[]; text: string }) =>
  items.map((i) => [text.slice(i.start, i.end), i.covered]);

describe('clause coverage', () => {
  it('covers an alternative or a wildcard by a passing "match" case, and a clause by a "no match" failing on it alone', async () => {
    const coverage = await conditionCoverage([
      { name: 'a backup chunk', event: event(CREATE, 'file_chunk/1/VAULT/x', 'RMAN_BCS'), expect: 'match' },
      { name: 'another bucket', event: event(CREATE, 'file_chunk/1/VAULT/x', 'photos'), expect: 'no match' },
      // Fails on two clauses: removing either would still fail it, so it guards neither.
      { name: 'a photo', event: event(CREATE, 'photo.png', 'photos'), expect: 'no match' },
    ]);
    assert.deepStrictEqual(shown(coverage), [
      [`"eventType": [\n    "${CREATE}",\n    "${UPDATE}"\n  ]`, false],
      [`"${CREATE}"`, true],
      [`"${UPDATE}"`, false],
      ['"resourceName": "file_chunk/*VAULT*"', false],
      ['"file_chunk/*VAULT*"', true],
      ['"bucketName": "RMAN_BCS"', true],
    ]);
    const update = coverage.items.find((i) => i.label.includes(UPDATE) && i.label.endsWith('(an alternative)'))!;
    assert.strictEqual(update.label, `eventType: "${UPDATE}" (an alternative)`);
    assert.strictEqual(update.missing, 'no passing "match" case matched it');
    assert.strictEqual(coverage.items[0].missing, 'no passing "no match" case fails on this clause alone');
    assert.strictEqual(coverageSummary(coverage.items), '3 of 6 clauses covered (50%)');
  });

  it('counts no case that failed', async () => {
    const coverage = await conditionCoverage([
      { name: 'wrongly expected', event: event(UPDATE, 'file_chunk/VAULT', 'RMAN_BCS'), expect: 'no match' },
      { name: 'wrongly expected too', event: event(CREATE, 'x', 'RMAN_BCS'), expect: 'match' },
    ]);
    assert.deepStrictEqual(
      coverage.items.filter((i) => i.covered),
      [],
    );
  });

  it('places an inline condition’s clauses in the test file, and a string condition’s on the whole string', async () => {
    const testText = JSON.stringify(
      { condition: { eventType: [CREATE] }, cases: [{ name: 'a', event: event(CREATE, 'x', 'y'), expect: 'match' }] },
      null,
      2,
    );
    const inline = await runEventCases(parseTestFile(testText), () => Promise.resolve(''), { coverage: true });
    assert.strictEqual(inline.coverage!.path, undefined);
    assert.deepStrictEqual(shown({ items: [...inline.coverage!.items], text: testText }), [
      [`"eventType": [\n      "${CREATE}"\n    ]`, false],
      [`"${CREATE}"`, true],
    ]);
    const ruleText = JSON.stringify({ displayName: 'r', condition: JSON.stringify({ eventType: [CREATE, UPDATE] }) });
    const rule = await runEventCases(
      parseTestFile(
        JSON.stringify({
          rule: 'r.rule.json',
          cases: [{ name: 'a', event: event(UPDATE, 'x', 'y'), expect: 'match' }],
        }),
      ),
      () => Promise.resolve(ruleText),
      { coverage: true },
    );
    assert.strictEqual(rule.coverage!.path, 'r.rule.json');
    const stringNode = ruleText.slice(ruleText.indexOf('"{'), ruleText.lastIndexOf('}'));
    for (const item of rule.coverage!.items) {
      assert.strictEqual(ruleText.slice(item.start, item.end), stringNode);
    }
    assert.deepStrictEqual(
      rule.coverage!.items.map((i) => [i.label, i.covered]),
      [
        [`eventType: ["${CREATE}", "${UPDATE}"]`, false],
        [`eventType: "${CREATE}" (an alternative)`, false],
        [`eventType: "${UPDATE}" (an alternative)`, true],
      ],
    );
  });

  it('covers a filter’s and/or operand once passing cases saw it true and false', async () => {
    const filterText = poFilter(
      '$eventPayload//ns0:Total > 100 and ($eventPayload//ns0:ItemDescription = "Lan Cable" or $eventPayload//ns0:ItemDescription = "Router")',
    );
    const test = parseTestFile(
      JSON.stringify({
        filter: 'po.xpathfilter',
        cases: [
          { name: 'big lan cable', payload: poPayload({ total: 250 }), expect: true },
          { name: 'small lan cable', payload: poPayload({ total: 50 }), expect: false },
          { name: 'big monitor', payload: poPayload({ item: 'Monitor' }), expect: false },
        ],
      }),
    );
    const run = await runPayloadCases(test, () => Promise.resolve(filterText), compileFilter, { coverage: true });
    assert.deepStrictEqual(
      run.coverage!.items.map((i) => [i.label, i.covered, i.missing]),
      [
        ['$eventPayload//ns0:Total > 100', true, undefined],
        [
          '($eventPayload//ns0:ItemDescription = "Lan Cable" or $eventPayload//ns0:ItemDescription = "Router")',
          true,
          undefined,
        ],
        ['$eventPayload//ns0:ItemDescription = "Lan Cable"', true, undefined],
        ['$eventPayload//ns0:ItemDescription = "Router"', false, 'no passing case made it true'],
      ],
    );
    const range = run.coverage!.items[3];
    assert.strictEqual(filterText.slice(range.start, range.end), '$eventPayload//ns0:ItemDescription = "Router"');
  });

  it('merges the coverage of files that test the same subject: covered in one is covered', () => {
    const item = (covered: boolean): CoverageItem => ({ start: 1, end: 5, label: 'eventType: "x"', covered });
    assert.deepStrictEqual(mergeCoverageItems([[item(false)], [item(true)], [item(false)]]), [item(true)]);
    assert.strictEqual(coverageSummary([]), 'no clauses to cover');
  });
});
