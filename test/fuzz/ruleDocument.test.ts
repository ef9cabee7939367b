import * as assert from 'assert';
import fc from 'fast-check';
import { ApiRule, ruleDetailsOf, ruleDocumentText } from '../../src/core/rules/ruleDocument';
import { conditionArbitrary } from './conditionInputs';
import { assertLinear, deterministic, fuzz } from './fuzzRun';
import { nested, textInputs } from './textInputs';

const ocid = (kind: string) => fc.stringMatching(/^[a-z0-9]{1,20}$/).map((s) => `ocid1.${kind}.oc1..${s}`);
const action = fc.oneof(
  ocid('onstopic').map((topicId) => ({ actionType: 'ONS', topicId, isEnabled: true })),
  ocid('fnfunc').map((functionId) => ({ actionType: 'FAAS', functionId, isEnabled: false })),
  ocid('stream').map((streamId) => ({ actionType: 'OSS', streamId, isEnabled: true, description: 'd' })),
);
const tags = fc.dictionary(fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.string({ maxLength: 8 }), {
  maxKeys: 3,
  noNullPrototype: true,
});
const rule: fc.Arbitrary<ApiRule> = fc.record({
  displayName: fc.string({ maxLength: 20 }),
  isEnabled: fc.boolean(),
  condition: conditionArbitrary.map((c) => JSON.stringify(c)),
  actions: fc.array(action, { maxLength: 4 }).map((actions) => ({ actions })),
  freeformTags: tags,
});

describe('fuzz: rule documents', () => {
  it('deploys what it wrote: a rule read back from its document is the same rule', () => {
    fuzz('rule documents', 1_500, rule, (r) => {
      const details = ruleDetailsOf(ruleDocumentText(r));
      assert.strictEqual(details.displayName, r.displayName);
      assert.strictEqual(details.isEnabled, r.isEnabled);
      assert.strictEqual(details.condition, r.condition);
      assert.deepStrictEqual(details.actions.actions, r.actions?.actions);
      assert.deepStrictEqual(details.freeformTags ?? {}, r.freeformTags);
    });
  });

  it('reads any text as a rule or refuses it with a plain Error, the same twice', () => {
    const texts = textInputs(
      rule.map((r) => ruleDocumentText(r)),
      nested('{"condition":', '{}', '}'),
    );
    fuzz('rule documents', 2_000, texts, (text) => {
      deterministic(() => {
        try {
          return ruleDetailsOf(text);
        } catch (err) {
          assert.ok(
            err instanceof Error && !(err instanceof RangeError) && /^The rule document /.test(err.message),
            String(err),
          );
          return undefined;
        }
      });
    });
  });

  it('grows linearly with the number of actions', () => {
    assertLinear(
      'rule documents, actions',
      (n) =>
        `{"displayName":"r","condition":{},"actions":[${Array.from({ length: n / 40 }, () => '{"actionType":"ONS","topicId":"t"}').join(',')}]}`,
      (text) => ruleDetailsOf(text),
    );
  });
});
