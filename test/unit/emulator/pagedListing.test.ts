import * as assert from 'assert';
import { OciClients } from '../../../src/core/oci/ociClients';
import { PagedList } from '../../../src/core/paging/pagedList';
import { emulatorClients, useEmulator } from './sdkHelpers';

describe('page-by-page listings for the Tenancy tree, against the emulator', () => {
  const ctx = useEmulator({ dataset: 'large', compartments: 3, rulesPerCompartment: 120 });
  let clients: OciClients;
  beforeEach(async () => {
    clients = await emulatorClients(ctx.emulator);
  });
  afterEach(() => clients.close());

  const stats = async () =>
    (await (await fetch(`${ctx.emulator.server.url}/_emulator/stats`)).json()) as Record<string, number>;
  const firstCompartment = () => [...ctx.emulator.state.compartments.keys()][0];

  it('loads 50 rules per "Load more", one call each, and two clicks at once cost one call', async () => {
    const compartmentId = firstCompartment();
    const rules = new PagedList((page) => clients.rulesPage(compartmentId, { page }));
    await Promise.all([rules.loadMore(), rules.loadMore()]);
    assert.strictEqual(rules.items.length, 50);
    assert.strictEqual((await stats())['events.listRules'], 1);
    await rules.loadMore();
    await rules.loadMore();
    assert.strictEqual(rules.items.length, 120);
    assert.strictEqual(rules.hasMore, false);
    assert.strictEqual((await stats())['events.listRules'], 3);
    assert.ok(rules.items.every((r) => r.compartmentId === compartmentId));
  });

  it('filters rules by display name on the server', async () => {
    const compartmentId = firstCompartment();
    const [rule] = (await clients.rulesPage(compartmentId, { limit: 1 })).items;
    const filtered = await clients.rulesPage(compartmentId, { displayName: rule.displayName });
    assert.deepStrictEqual(
      filtered.items.map((r) => r.id),
      [rule.id],
    );
    assert.strictEqual(filtered.nextPage, undefined);
  });

  it('lists a compartment’s direct children only, so that the tree expands level by level', async () => {
    const tenancyId = ctx.emulator.state.tenancy.id;
    const children = await clients.compartmentsPage(tenancyId);
    const direct = [...ctx.emulator.state.compartments.values()].filter((c) => c.compartmentId === tenancyId);
    assert.deepStrictEqual(children.items.map((c) => c.id).sort(), direct.map((c) => c.id).sort());
  });

  it('lists topics and a topic’s subscriptions a page at a time', async () => {
    const compartmentId = ctx.emulator.state.tenancy.id;
    for (let i = 0; i < 3; i++) {
      await clients.onsControl.createTopic({ createTopicDetails: { name: `paged-${i}`, compartmentId } });
    }
    const topics = await clients.topicsPage(compartmentId, { limit: 2 });
    assert.strictEqual(topics.items.length, 2);
    assert.ok(topics.nextPage);
    const rest = await clients.topicsPage(compartmentId, { limit: 2, page: topics.nextPage });
    assert.deepStrictEqual([...topics.items, ...rest.items].map((t) => t.name).sort(), [
      'paged-0',
      'paged-1',
      'paged-2',
    ]);
    const topicId = topics.items[0].topicId;
    await clients.onsData.createSubscription({
      createSubscriptionDetails: { topicId, compartmentId, protocol: 'EMAIL', endpoint: 'ops@example.com' },
    });
    const subscriptions = await clients.subscriptionsPage(compartmentId, topicId);
    assert.deepStrictEqual(
      subscriptions.items.map((s) => [s.protocol, s.endpoint]),
      [['EMAIL', 'ops@example.com']],
    );
  });

  it('turns a failing page into an error the tree can show, keeping what was loaded', async () => {
    const compartmentId = firstCompartment();
    const rules = new PagedList((page) => clients.rulesPage(compartmentId, { page, retry: { attempts: 1 } }));
    await rules.loadMore();
    await fetch(`${ctx.emulator.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault5xxRate: 1 }),
    });
    await rules.loadMore();
    assert.strictEqual(rules.items.length, 50);
    assert.match(String((rules.error as Error).message), /rules/);
  });
});
