import * as assert from 'assert';
import { FunctionsManagementClient } from 'oci-functions';
import { NotificationControlPlaneClient, NotificationDataPlaneClient } from 'oci-ons';
import { StreamAdminClient } from 'oci-streaming';
import { useEmulator } from './sdkHelpers';

describe('emulator: the demo dataset through the real SDK', () => {
  const ctx = useEmulator({ dataset: 'demo' });

  function client<T extends { endpoint: string; close(): void }>(make: () => T): T {
    const c = make();
    c.endpoint = ctx.emulator.server.url;
    return c;
  }

  const compartment = (name: string) => [...ctx.emulator.state.compartments.values()].find((c) => c.name === name)!.id;

  it('has rules whose ONS, FAAS and OSS targets all exist', async () => {
    const ons = client(() => new NotificationControlPlaneClient({ authenticationDetailsProvider: ctx.provider }));
    const fn = client(() => new FunctionsManagementClient({ authenticationDetailsProvider: ctx.provider }));
    const streams = client(() => new StreamAdminClient({ authenticationDetailsProvider: ctx.provider }));
    try {
      const topics = new Set<string>();
      for (const c of ctx.emulator.state.compartments.keys()) {
        (await ons.listTopics({ compartmentId: c })).items.forEach((t) => topics.add(t.topicId));
      }
      const apps = await fn.listApplications({ compartmentId: compartment('apps-prod') });
      assert.deepStrictEqual(
        apps.items.map((a) => a.displayName),
        ['event-handlers'],
      );
      const functions = new Set((await fn.listFunctions({ applicationId: apps.items[0].id })).items.map((f) => f.id));
      const streamIds = new Set(
        (await streams.listStreams({ compartmentId: compartment('network') })).items.map((s) => s.id),
      );
      const actions = [...ctx.emulator.state.rules.values()].flatMap((r) => r.value.actions.actions);
      assert.ok(actions.length >= 8);
      for (const action of actions) {
        const target = action.topicId ?? action.functionId ?? action.streamId!;
        assert.ok(
          topics.has(target) || functions.has(target) || streamIds.has(target),
          `${action.actionType} ${target}`,
        );
      }
    } finally {
      [ons, fn, streams].forEach((c) => c.close());
    }
  });

  it('has subscriptions of several protocols, some PENDING and some ACTIVE', async () => {
    const data = client(() => new NotificationDataPlaneClient({ authenticationDetailsProvider: ctx.provider }));
    try {
      const all = [];
      for (const c of ctx.emulator.state.compartments.keys()) {
        all.push(...(await data.listSubscriptions({ compartmentId: c })).items);
      }
      assert.ok(new Set(all.map((s) => s.protocol)).size >= 4);
      assert.deepStrictEqual([...new Set(all.map((s) => s.lifecycleState))].sort(), ['ACTIVE', 'PENDING']);
      assert.strictEqual(typeof all[0].deliveryPolicy, 'object', 'the summary carries deliveryPolicy as an object');
    } finally {
      data.close();
    }
  });
});
