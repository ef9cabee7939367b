import * as assert from 'assert';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { samplesForCondition } from '../../../src/core/condition/sampleEvents';
import { testCondition } from '../../../src/core/condition/testCondition';
import { resultDocument, resultLabel, resultTooltip, traceRow } from '../../../src/core/condition/testResultText';

const CREATE = 'com.oraclecloud.objectstorage.createobject';
const CONDITION = { eventType: CREATE, data: { additionalDetails: { bucketName: 'invoices' } } };

function results() {
  const { samples } = samplesForCondition(CONDITION, EventTypeCatalogue.builtin());
  const file = { label: '.oew/samples/uploads.json [1]', origin: '.oew/samples/uploads.json', event: {} };
  return testCondition(CONDITION, [...samples, file]);
}

describe('Condition Test rows and documents', () => {
  it('labels rows short: the type without com.oraclecloud. and its service, or the sample file’s name', () => {
    assert.deepStrictEqual(results().map(resultLabel), ['createobject', 'createobject near miss', 'uploads.json [1]']);
  });

  it('shows a trace line as the field’s name and the event’s value, cut to fit, a type named short', () => {
    const [match, miss, sample] = results();
    assert.deepStrictEqual(traceRow(match.trace[1]), { label: 'bucketName', description: '"invoices"' });
    assert.deepStrictEqual(traceRow(miss.trace[0]), { label: 'eventType', description: '"createobject"' });
    assert.deepStrictEqual(traceRow(miss.trace[1]), { label: 'bucketName', description: '"other-invoices"' });
    assert.deepStrictEqual(traceRow(sample.trace[1]), { label: 'data', description: 'missing' });
    const long = {
      path: 'data.resourceName',
      condition: 'x',
      event: 'a/long/path/to/an/object.pdf',
      matched: false,
      rule: 'exact',
    };
    assert.deepStrictEqual(traceRow(long), { label: 'resourceName', description: '"a/long/path/to/a…' });
  });

  it('puts the whole trace in the tooltip', () => {
    const tooltip = resultTooltip(results()[1]);
    assert.match(
      tooltip,
      /^com\.oraclecloud\.objectstorage\.createobject near miss: generated to match the condition in every clause but data\.additionalDetails\.bucketName\./,
    );
    assert.match(
      tooltip,
      /\nno match data\.additionalDetails\.bucketName: condition "invoices", event "other-invoices" \(exact\)$/,
    );
    assert.match(tooltip, /\nmatch {4}eventType: condition "com\.oraclecloud\.objectstorage\.createobject"/);
  });

  it('opens an event as its whole trace in comments over its JSON', () => {
    const [match] = results();
    const text = resultDocument(match, 'conditions/uploads.condition.json');
    const lines = text.split('\n');
    assert.strictEqual(lines[0], `// ${CREATE}: generated to match the condition.`);
    assert.strictEqual(lines[1], '// Tested against conditions/uploads.condition.json: it matches.');
    assert.ok(
      lines.includes('// match    data.additionalDetails.bucketName: condition "invoices", event "invoices" (exact)'),
    );
    const json = lines.findIndex((l) => l === '{');
    assert.deepStrictEqual(JSON.parse(lines.slice(json).join('\n')), match.sample.event);
  });
});
