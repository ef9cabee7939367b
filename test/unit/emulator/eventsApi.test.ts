import * as assert from 'assert';
import { sdkError, useEmulator } from './sdkHelpers';

const CREATE = 'com.oraclecloud.objectstorage.createobject';

describe('emulator: Events rules through the real SDK', () => {
  const ctx = useEmulator({ dataset: 'large', compartments: 2, rulesPerCompartment: 7 });

  function firstCompartment(): string {
    return [...ctx.emulator.state.compartments.keys()][0];
  }

  function createDetails(compartmentId: string, displayName = 'uploads') {
    return {
      displayName,
      compartmentId,
      isEnabled: true,
      condition: JSON.stringify({ eventType: CREATE }),
      actions: { actions: [{ actionType: 'ONS', isEnabled: true, topicId: 'ocid1.onstopic.oc1.iad.aaaaaaaatopic' }] },
    };
  }

  it('pages through rules with limit, page and opc-next-page', async () => {
    const compartmentId = firstCompartment();
    const names: string[] = [];
    let page: string | undefined;
    let calls = 0;
    do {
      const response = await ctx.events.listRules({
        compartmentId,
        limit: 2,
        page,
        sortBy: 'DISPLAY_NAME' as never,
        sortOrder: 'ASC' as never,
      });
      names.push(...response.items.map((r) => r.displayName));
      page = response.opcNextPage;
      calls++;
    } while (page);
    assert.strictEqual(calls, 4, 'seven rules in pages of two');
    assert.deepStrictEqual(names, ['rule-000', 'rule-001', 'rule-002', 'rule-003', 'rule-004', 'rule-005', 'rule-006']);
    const stats = (await (await fetch(`${ctx.emulator.server.url}/_emulator/stats`)).json()) as Record<string, number>;
    assert.strictEqual(stats['events.listRules'], 4, 'one listing makes one call per page');
  });

  it('filters by displayName and lifecycleState', async () => {
    const compartmentId = firstCompartment();
    const byName = await ctx.events.listRules({ compartmentId, displayName: 'rule-003' });
    assert.deepStrictEqual(
      byName.items.map((r) => r.displayName),
      ['rule-003'],
    );
    const inactive = await ctx.events.listRules({ compartmentId, lifecycleState: 'INACTIVE' });
    assert.strictEqual(inactive.items.length, 0);
  });

  it('creates a rule that goes CREATING → ACTIVE, with an etag', async () => {
    const created = await ctx.events.createRule({ createRuleDetails: createDetails(firstCompartment()) });
    assert.strictEqual(created.rule.lifecycleState, 'CREATING');
    assert.ok(created.etag);
    assert.match(created.rule.id, /^ocid1\.eventrule\.oc1\.iad\./);
    await new Promise((r) => setTimeout(r, 350));
    const read = await ctx.events.getRule({ ruleId: created.rule.id });
    assert.strictEqual(read.rule.lifecycleState, 'ACTIVE');
    assert.strictEqual(read.rule.actions.actions[0].actionType, 'ONS');
  });

  it('answers 412 to an update with a stale etag, and applies one with the current etag', async () => {
    const created = await ctx.events.createRule({ createRuleDetails: createDetails(firstCompartment()) });
    const updated = await ctx.events.updateRule({
      ruleId: created.rule.id,
      ifMatch: created.etag,
      updateRuleDetails: { description: 'first edit' },
    });
    assert.notStrictEqual(updated.etag, created.etag);
    const stale = await sdkError(
      ctx.events.updateRule({
        ruleId: created.rule.id,
        ifMatch: created.etag,
        updateRuleDetails: { description: 'lost edit' },
      }),
    );
    assert.strictEqual(stale.statusCode, 412);
    assert.strictEqual((await ctx.events.getRule({ ruleId: created.rule.id })).rule.description, 'first edit');
  });

  it('replays the first response for a repeated opc-retry-token, creating one rule', async () => {
    const compartmentId = firstCompartment();
    const before = ctx.emulator.state.rules.size;
    const first = await ctx.events.createRule({
      createRuleDetails: createDetails(compartmentId),
      opcRetryToken: 'token-1',
    });
    const second = await ctx.events.createRule({
      createRuleDetails: createDetails(compartmentId),
      opcRetryToken: 'token-1',
    });
    assert.strictEqual(second.rule.id, first.rule.id);
    assert.strictEqual(ctx.emulator.state.rules.size, before + 1);
  });

  it('refuses a condition that is not JSON with 400 InvalidParameter', async () => {
    const details = { ...createDetails(firstCompartment()), condition: 'eventType = ["x"]' };
    const error = await sdkError(ctx.events.createRule({ createRuleDetails: details }));
    assert.strictEqual(error.statusCode, 400);
    assert.strictEqual(error.serviceCode, 'InvalidParameter');
    assert.match(error.message, /valid JSON, not HCL/);
  });

  it('refuses a condition nested 5,000 levels deep with 400 InvalidParameter, and never fails an event on a stored one', async () => {
    const deep = `${'{"a":'.repeat(5000)}"x"${'}'.repeat(5000)}`;
    const details = { ...createDetails(firstCompartment()), condition: deep };
    const error = await sdkError(ctx.events.createRule({ createRuleDetails: details }));
    assert.strictEqual(error.statusCode, 400);
    assert.strictEqual(error.serviceCode, 'InvalidParameter');
    assert.match(error.message, /nests deeper than 64 levels/);
    // A state file written before the check may hold one: it matches nothing, and events still flow.
    const { rule } = await ctx.events.createRule({ createRuleDetails: createDetails(firstCompartment(), 'deep') });
    const stored = ctx.emulator.state.rules.get(rule.id)!;
    (stored.value as { condition: string }).condition = deep;
    const response = await fetch(`${ctx.emulator.server.url}/_emulator/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventType: CREATE, extensions: { compartmentId: firstCompartment() } }),
    });
    assert.strictEqual(response.status, 200);
    const { matchedRules } = (await response.json()) as { matchedRules: { displayName: string }[] };
    assert.ok(!matchedRules.some((r) => r.displayName === 'deep'));
  });

  it('answers 404 NotAuthorizedOrNotFound for an unknown OCID', async () => {
    const error = await sdkError(ctx.events.getRule({ ruleId: 'ocid1.eventrule.oc1.iad.aaaaaaaanothere' }));
    assert.strictEqual(error.statusCode, 404);
    assert.strictEqual(error.serviceCode, 'NotAuthorizedOrNotFound');
  });

  it('moves a rule to another compartment, and deletes it', async () => {
    const [from, to] = [...ctx.emulator.state.compartments.keys()];
    const created = await ctx.events.createRule({ createRuleDetails: createDetails(from) });
    await ctx.events.changeRuleCompartment({
      ruleId: created.rule.id,
      changeRuleCompartmentDetails: { compartmentId: to },
    });
    assert.strictEqual((await ctx.events.getRule({ ruleId: created.rule.id })).rule.compartmentId, to);
    await ctx.events.deleteRule({ ruleId: created.rule.id });
    assert.strictEqual((await sdkError(ctx.events.getRule({ ruleId: created.rule.id }))).statusCode, 404);
  });
});

describe('emulator: Identity through the real SDK', () => {
  const ctx = useEmulator({ dataset: 'demo' });

  it('returns the tenancy and its nested compartments', async () => {
    const tenancyId = ctx.emulator.state.tenancy.id;
    const tenancy = await ctx.identity.getTenancy({ tenancyId });
    assert.strictEqual(tenancy.tenancy.name, 'acme-emulated');
    const top = await ctx.identity.listCompartments({ compartmentId: tenancyId });
    assert.deepStrictEqual(
      top.items.map((c) => c.name),
      ['apps', 'network', 'security'],
    );
    const all = await ctx.identity.listCompartments({ compartmentId: tenancyId, compartmentIdInSubtree: true });
    assert.deepStrictEqual(
      all.items.map((c) => c.name),
      ['apps', 'apps-dev', 'apps-prod', 'network', 'security'],
    );
    const prod = all.items.find((c) => c.name === 'apps-prod')!;
    assert.strictEqual((await ctx.identity.getCompartment({ compartmentId: prod.id })).compartment.name, 'apps-prod');
  });
});
