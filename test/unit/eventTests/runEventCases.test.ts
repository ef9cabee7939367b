import * as assert from 'assert';
import { runEventCases } from '../../../src/core/eventTests/runEventCases';
import { parseTestFile } from '../../../src/core/eventTests/testFile';

const UPLOAD = 'com.oraclecloud.objectstorage.createobject';
const event = (bucketName: string) => ({ eventType: UPLOAD, data: { additionalDetails: { bucketName } } });

/** Files the test file names, by their relative path. */
const files = (entries: Record<string, unknown>) => (path: string) =>
  path in entries
    ? Promise.resolve(typeof entries[path] === 'string' ? entries[path] : JSON.stringify(entries[path]))
    : Promise.reject(new Error(`${path}: no such file or folder.`));

describe('running the event cases of a test file', () => {
  it('passes a case whose outcome is the one expected, and fails one that is not, saying the deciding clause', async () => {
    const file = parseTestFile(
      JSON.stringify({
        condition: { eventType: UPLOAD, data: { additionalDetails: { bucketName: ['invoices'] } } },
        cases: [
          { name: 'invoice upload', event: 'invoice.json', expect: 'match' },
          { name: 'other bucket', event: event('photos'), expect: 'no match' },
          { name: 'wrongly expected', event: event('photos'), expect: 'match' },
        ],
      }),
    );
    const outcomes = (await runEventCases(file, files({ 'invoice.json': event('invoices') }))).outcomes;
    assert.deepStrictEqual(
      outcomes.map((o) => [o.name, o.status, o.actual]),
      [
        ['invoice upload', 'passed', 'match'],
        ['other bucket', 'passed', 'no match'],
        ['wrongly expected', 'failed', 'no match'],
      ],
    );
    const failed = outcomes[2];
    assert.strictEqual(
      failed.message,
      'Expected "match", got "no match": data.additionalDetails.bucketName is "photos", and the condition wants ["invoices"].',
    );
    assert.match(failed.trace![0], /^no match data\.additionalDetails\.bucketName/);
  });

  it('takes the condition of a rule document, its API string form too', async () => {
    const file = parseTestFile(
      JSON.stringify({
        rule: 'rules/uploads.rule.json',
        cases: [{ name: 'upload', event: event('x'), expect: 'match' }],
      }),
    );
    const rule = { displayName: 'uploads', condition: JSON.stringify({ eventType: [UPLOAD] }) };
    const [outcome] = (await runEventCases(file, files({ 'rules/uploads.rule.json': rule }))).outcomes;
    assert.strictEqual(outcome.status, 'passed');
  });

  it('errors, never crashes, on a missing file, invalid JSON, or an event that is no object', async () => {
    const file = parseTestFile(
      JSON.stringify({
        condition: { eventType: UPLOAD },
        cases: [
          { name: 'missing', event: 'gone.json', expect: 'match' },
          { name: 'broken', event: 'broken.json', expect: 'match' },
          { name: 'array', event: 'array.json', expect: 'match' },
        ],
      }),
    );
    const outcomes = (await runEventCases(file, files({ 'broken.json': '{ "eventType": ', 'array.json': [1] })))
      .outcomes;
    assert.deepStrictEqual(
      outcomes.map((o) => o.status),
      ['errored', 'errored', 'errored'],
    );
    assert.strictEqual(outcomes[0].message, 'The event cannot be read: gone.json: no such file or folder.');
    assert.match(outcomes[1].message!, /^The event cannot be read: broken\.json/);
    assert.strictEqual(outcomes[2].message, 'The event is not a JSON object.');
    const noRule = parseTestFile(
      JSON.stringify({ rule: 'gone.rule.json', cases: [{ name: 'a', event: event('x'), expect: 'match' }] }),
    );
    const [errored] = (await runEventCases(noRule, files({}))).outcomes;
    assert.strictEqual(errored.message, 'The rule cannot be read: gone.rule.json: no such file or folder.');
  });
});

describe('where a failing event case was decided', () => {
  it('is the clause that failed, in the condition’s file, or the whole condition when every clause held', async () => {
    const conditionText = JSON.stringify(
      { eventType: UPLOAD, data: { additionalDetails: { bucketName: ['invoices'] } } },
      null,
      2,
    );
    const file = parseTestFile(
      JSON.stringify({
        condition: 'uploads.condition.json',
        cases: [
          { name: 'photos', event: event('photos'), expect: 'match' },
          { name: 'invoices', event: event('invoices'), expect: 'no match' },
        ],
      }),
    );
    const [photos, invoices] = (await runEventCases(file, files({ 'uploads.condition.json': conditionText }))).outcomes;
    const at = (span: { start: number; end: number }) => conditionText.slice(span.start, span.end);
    assert.strictEqual(at(photos.decidedAt!), '"bucketName": [\n        "invoices"\n      ]');
    assert.strictEqual(at(invoices.decidedAt!), conditionText);
  });
});
