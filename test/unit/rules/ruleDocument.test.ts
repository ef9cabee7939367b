import * as assert from 'assert';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { checkDocument } from '../../../src/core/condition/checkDocument';
import { RULE_FINDING_CODES } from '../../../src/core/condition/findings';
import { ruleDetailsOf, ruleDocumentText } from '../../../src/core/rules/ruleDocument';

const catalogue = EventTypeCatalogue.builtin();
const TOPIC = 'ocid1.onstopic.oc1.iad.aaaa';
const FUNCTION = 'ocid1.fnfunc.oc1.iad.bbbb';

const apiRule = {
  displayName: 'bucket-changes',
  description: 'Bucket changes',
  isEnabled: true,
  condition:
    '{"eventType":["com.oraclecloud.objectstorage.createobject"],"data":{"additionalDetails":{"bucketName":["uploads"]}}}',
  actions: {
    actions: [
      { actionType: 'ONS', isEnabled: true, topicId: TOPIC, description: 'Notify' },
      { actionType: 'FAAS', isEnabled: false, functionId: FUNCTION },
    ],
  },
};

describe('rule documents', () => {
  it('has a test below for every finding code of its own fields', () => {
    assert.deepStrictEqual(Object.keys(RULE_FINDING_CODES).sort(), [
      'action-target',
      'missing-rule-field',
      'rule-field-type',
      'too-many-actions',
      'unknown-rule-field',
    ]);
  });

  it('shows the condition as an object and each target by name beside its OCID', () => {
    const text = ruleDocumentText(apiRule, new Map([[TOPIC, 'infra-alerts']]));
    const document = JSON.parse(text) as Record<string, unknown>;
    assert.deepStrictEqual(document.condition, JSON.parse(apiRule.condition));
    assert.deepStrictEqual(document.actions, [
      { actionType: 'ONS', topic: 'infra-alerts', topicId: TOPIC, isEnabled: true, description: 'Notify' },
      { actionType: 'FAAS', functionId: FUNCTION, isEnabled: false },
    ]);
    assert.deepStrictEqual(checkDocument(text, catalogue, 'rule').findings, [], 'a document as shown has no findings');
  });

  it('deploys what the document says, with the condition back as the compact string the API holds', () => {
    const text = ruleDocumentText(apiRule, new Map([[TOPIC, 'infra-alerts']]));
    const details = ruleDetailsOf(text.replace('"uploads"', '"incoming"'));
    assert.strictEqual(details.condition, apiRule.condition.replace('uploads', 'incoming'));
    assert.deepStrictEqual(details.actions, apiRule.actions, 'names are for reading; the OCIDs deploy');
    assert.strictEqual(details.displayName, 'bucket-changes');
  });

  it('marks an unknown field with the one meant and a fix, a missing one, and a mistyped one', () => {
    const text = JSON.stringify({ displayName: 'x', isEnable: true, condition: {}, actions: 'none' }, null, 2);
    const findings = checkDocument(text, catalogue, 'rule').findings;
    const unknown = findings.find((f) => f.code === 'unknown-rule-field')!;
    assert.match(unknown.message, /"isEnable" is not a field of a rule document: did you mean isEnabled\?/);
    assert.strictEqual(text.slice(unknown.offset, unknown.offset + unknown.length), '"isEnable"');
    assert.strictEqual(unknown.fixes[0].edits[0].newText, '"isEnabled"');
    assert.ok(findings.some((f) => f.code === 'missing-rule-field' && /needs isEnabled/.test(f.message)));
    assert.ok(findings.some((f) => f.code === 'rule-field-type' && /actions must be an array/.test(f.message)));
  });

  it('checks each action’s type and target OCID, and at most 10 actions', () => {
    const action = (extra: object) => ({ actionType: 'ONS', topicId: TOPIC, isEnabled: true, ...extra });
    const text = JSON.stringify({
      displayName: 'x',
      isEnabled: true,
      condition: {},
      actions: [
        action({ topicId: FUNCTION }),
        { actionType: 'SMS', isEnabled: true },
        action({ streamId: 'ocid1.stream.oc1.iad.c' }),
        ...Array.from({ length: 8 }, () => action({})),
      ],
    });
    const messages = checkDocument(text, catalogue, 'rule').findings.map((f) => `${f.code}: ${f.message}`);
    assert.ok(
      messages.includes('action-target: topicId must be the OCID of a topic (ocid1.onstopic.…).'),
      messages.join('\n'),
    );
    assert.ok(messages.some((m) => m.startsWith('action-target: actionType must be one of ONS, FAAS, OSS')));
    assert.ok(messages.some((m) => m.startsWith('unknown-rule-field: "streamId" is not a field of an ONS action')));
    assert.ok(messages.includes('too-many-actions: A rule has at most 10 actions; this one has 11.'));
  });

  it('checks the condition inside the document at its place, and accepts a rule as getRule returns it', () => {
    const text = ruleDocumentText({
      ...apiRule,
      condition: '{"eventType":"com.oraclecloud.objectstorage.createobjekt"}',
    });
    const [unknownType] = checkDocument(text, catalogue, 'rule').findings;
    assert.strictEqual(unknownType.code, 'unknown-event-type');
    assert.strictEqual(
      text.slice(unknownType.offset, unknownType.offset + unknownType.length),
      '"com.oraclecloud.objectstorage.createobjekt"',
    );
    const fromApi = JSON.stringify({
      ...apiRule,
      id: 'ocid1.eventrule.oc1.iad.r',
      lifecycleState: 'ACTIVE',
      timeCreated: '2026-01-01T00:00:00Z',
    });
    assert.deepStrictEqual(checkDocument(fromApi, catalogue, 'rule').findings, []);
  });

  it("reports a bad escape inside a condition string, which the analysis of the string's value cannot see (broken-file corpus)", () => {
    const broken = JSON.stringify(apiRule).replace('eventType', 'event\\Type');
    assert.throws(() => JSON.parse(broken));
    const findings = checkDocument(broken, catalogue, 'rule').findings;
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.message, broken.slice(f.offset, f.offset + f.length)]),
      [
        [
          'invalid-json',
          'This is not valid JSON (invalid escape character).',
          JSON.stringify(apiRule.condition).replace('eventType', 'event\\Type'),
        ],
      ],
    );
  });
});
