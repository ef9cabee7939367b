import * as assert from 'assert';
import { ApiError } from '../../../src/emulator/services/apiError';
import { OnsService } from '../../../src/emulator/services/onsService';
import { RulesService } from '../../../src/emulator/services/rulesService';
import { buildState } from '../../../src/emulator/store/datasets';

const compartment = (state: ReturnType<typeof buildState>, name: string) =>
  [...state.compartments.values()].find((c) => c.name === name)!.id;

const status = (expected: number, code: string) => (err: unknown) =>
  err instanceof ApiError && err.status === expected && err.code === code;

/** The emulator's services, called as its routes call them, without HTTP in between. */
describe('Emulator services', () => {
  it('matches an event to the enabled rules of its compartment and of those above it, with their topics', () => {
    const state = buildState({ dataset: 'demo' });
    const rules = new RulesService(state);
    const security = compartment(state, 'security');
    const matched = rules.matching(security, {
      eventType: 'com.oraclecloud.identitycontrolplane.createpolicy',
      data: {},
    });
    const names = matched.map((m) => m.rule.displayName);
    assert.ok(names.includes('iam-changes'), names.join(', '));
    assert.ok(!names.includes('all-audit'), 'a disabled rule matches nothing');
    assert.ok(matched.every((m) => m.topicIds.length > 0));
    assert.deepStrictEqual(rules.matching(compartment(state, 'network'), { eventType: 'x' }).length, 0);
  });

  it('refuses a stale ETag and keeps the rule; a rule becomes ACTIVE once created', () => {
    const state = buildState({ dataset: 'demo' });
    const rules = new RulesService(state);
    const draft = {
      displayName: 'new',
      condition: '{"eventType":"com.oraclecloud.objectstorage.createobject"}',
      compartmentId: compartment(state, 'network'),
      isEnabled: true,
      actions: [{ actionType: 'ONS', isEnabled: true, targets: { topicId: 'ocid1.onstopic.oc1..t' } }],
      freeformTags: {},
      definedTags: {},
    };
    const { rule, etag } = rules.create(draft, 0);
    assert.strictEqual(rule.lifecycleState, 'CREATING');
    assert.strictEqual(rules.get(rule.id, 10_000).rule.lifecycleState, 'ACTIVE');
    assert.throws(() => rules.update(rule.id, 'stale', { displayName: 'x' }, 1), status(412, 'NoEtagMatch'));
    assert.throws(() => rules.remove(rule.id, 'stale'), status(412, 'NoEtagMatch'));
    rules.remove(rule.id, rules.get(rule.id, 1).etag);
    assert.throws(() => rules.get(rule.id, 1), status(404, 'NotAuthorizedOrNotFound'));
    assert.ok(etag);
    assert.throws(() => rules.create({ ...draft, condition: 'eventType = x' }, 0), status(400, 'InvalidParameter'));
    assert.throws(() => rules.create({ ...draft, actions: [] }, 0), /1 to 10 actions/);
  });

  it('deletes a topic’s subscriptions with it, and keeps topic names unique across the tenancy', () => {
    const state = buildState({ dataset: 'demo' });
    const ons = new OnsService(state, 'http://127.0.0.1:1');
    const network = compartment(state, 'network');
    const { topic } = ons.createTopic({ name: 'orders', compartmentId: network, freeformTags: {}, definedTags: {} }, 0);
    assert.throws(
      () => ons.createTopic({ name: 'orders', compartmentId: network, freeformTags: {}, definedTags: {} }, 0),
      status(409, 'Conflict'),
    );
    ons.createSubscription({ topicId: topic.topicId, compartmentId: network, protocol: 'EMAIL', endpoint: 'a@b.c' }, 0);
    assert.strictEqual(ons.listSubscriptions(network, topic.topicId).length, 1);
    ons.deleteTopic(topic.topicId, undefined);
    assert.strictEqual(ons.listSubscriptions(network, topic.topicId).length, 0);
  });
});
