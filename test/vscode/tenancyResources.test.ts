import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Emulator } from '../../src/emulator/emulator';
import { ocidOf, SubscriptionNode, TopicNode } from '../../src/core/tenancy/resourceNodes';
import { api } from './helpers';
import { open, shown, useTenancyEmulator } from './tenancyTree';

/** Compartments, rules, topics and subscriptions as the Tenancy view shows them, against the emulator. */
describe('Tenancy view: compartments, rules, topics and subscriptions', () => {
  const ctx = useTenancyEmulator();
  let emulator: Emulator;
  const useEmulator = async (options: Parameters<typeof ctx.start>[0]) => {
    emulator = await ctx.start(options);
  };

  it('shows the root compartment’s Rules and Topics, then its child compartments, each of which opens the same way', async () => {
    await useEmulator({ dataset: 'demo' });
    // Compartments come in the service's order, which the emulator makes by name.
    const root = await open();
    assert.deepStrictEqual(
      root.map((r) => r.label),
      ['Rules', 'Topics', 'apps', 'network', 'security'],
    );
    const apps = await open('apps');
    assert.deepStrictEqual(
      apps.map((r) => r.label),
      ['Rules', 'Topics', 'apps-dev', 'apps-prod'],
    );
    const { tenancy } = await api();
    const appsDev = apps.find((r) => r.label === 'apps-dev')!.node;
    const appsParent = tenancy.provider.getParent(appsDev)!;
    assert.strictEqual(tenancy.provider.getTreeItem(appsParent).label, 'apps', 'reveal can walk up from any row');
    assert.strictEqual(tenancy.provider.getParent(appsParent), tenancy.provider.getParent(root[0].node));
  });

  it('shows rules with a disabled badge and their condition in the tooltip, topics, and subscriptions with credentials masked and PENDING marked', async () => {
    await useEmulator({ dataset: 'demo' });
    const rules = [...emulator.state.rules.values()].map((r) => r.value);
    const inRoot = rules.filter((r) => r.compartmentId === emulator.state.tenancy.id);
    const shownRules = await open('Rules');
    assert.deepStrictEqual(shownRules.map((r) => r.label).sort(), inRoot.map((r) => r.displayName).sort());
    for (const rule of inRoot) {
      const row = shownRules.find((r) => r.label === rule.displayName)!;
      assert.strictEqual(row.description.includes('disabled'), !rule.isEnabled, rule.displayName);
      assert.ok(row.tooltip.includes(rule.id));
    }
    const topics = await open('apps', 'apps-dev', 'Topics');
    assert.deepStrictEqual(
      topics.map((t) => t.label),
      ['dev-notifications'],
    );
    const [rulesRow, subscription] = await shown(topics[0].node);
    assert.strictEqual(rulesRow.label, 'Rules targeting this topic');
    assert.strictEqual(subscription.label, 'https://builder:<redacted>@dev.example.com/hooks/oci');
    assert.strictEqual(subscription.description, 'CUSTOM_HTTPS · PENDING: waiting for confirmation');
    assert.ok(!subscription.tooltip.includes('s3cret'));
    // Copy OCID copies what the row stands for; the endpoint's credentials are never part of it.
    const devTopic = [...emulator.state.topics.values()].find((t) => t.value.name === 'dev-notifications')!.value;
    const devSubscription = [...emulator.state.subscriptions.values()].find(
      (s) => s.value.topicId === devTopic.topicId,
    )!;
    assert.strictEqual(ocidOf(topics[0].node as TopicNode), devTopic.topicId);
    assert.strictEqual(ocidOf(subscription.node as SubscriptionNode), devSubscription.value.id);
  });

  it('opens a rule to the event types of its condition and its actions, each target named, and reveals an action’s topic', async () => {
    await useEmulator({ dataset: 'demo' });
    const rules = await open('network', 'Rules');
    const rule = rules.find((r) => r.label === 'network-changes')!;
    const children = await shown(rule.node);
    assert.deepStrictEqual(
      children.map((c) => [c.label, c.description]),
      [
        ['com.oraclecloud.virtualnetwork.createvcn', 'event type'],
        ['com.oraclecloud.virtualnetwork.deletevcn', 'event type'],
        ['com.oraclecloud.virtualnetwork.updatesecuritylist', 'event type'],
        ['com.oraclecloud.virtualnetwork.updateroutetable', 'event type'],
        ['com.oraclecloud.natgateway.createnatgateway', 'event type'],
        ['com.oraclecloud.servicegateway.createservicegateway', 'event type'],
        ['infra-alerts', 'Notifications topic'],
        ['siem', 'Stream'],
      ],
    );
    assert.strictEqual(emulator.server.stats.get('events.getRule'), 1, 'the actions come from one read of the rule');
    const { tenancy } = await api();
    const action = children[6].node;
    assert.strictEqual(action.kind, 'action');
    assert.strictEqual(tenancy.model.resources.loadedTopic(action as never), undefined, 'its topic is not loaded yet');
    const topics = await open('apps', 'apps-prod', 'Topics');
    const topic = topics.find((t) => t.label === 'infra-alerts')!.node;
    assert.strictEqual(tenancy.model.resources.loadedTopic(action as never), topic);
    await vscode.commands.executeCommand('oew.tenancy.revealActionTarget', action);
  });

  it('loads 50 rules at a time behind "Load more", one call per click', async () => {
    await useEmulator({ dataset: 'large', compartments: 1, rulesPerCompartment: 120 });
    const compartment = (await open())[2];
    let rows = await open(compartment.label, 'Rules');
    assert.strictEqual(rows.length, 51);
    assert.deepStrictEqual([rows[50].label, rows[50].description], ['Load more…', '50 loaded']);
    assert.strictEqual(emulator.server.stats.get('events.listRules'), 1);
    const { tenancy } = await api();
    const group = tenancy.provider.getParent(rows[0].node)!;
    await Promise.all([
      vscode.commands.executeCommand('oew.tenancy.loadMore', rows[50].node),
      vscode.commands.executeCommand('oew.tenancy.loadMore', rows[50].node),
    ]);
    assert.strictEqual(emulator.server.stats.get('events.listRules'), 2, 'two clicks at once share one load');
    await vscode.commands.executeCommand('oew.tenancy.loadMore', rows[50].node);
    rows = await shown(group);
    assert.strictEqual(rows.length, 120, 'every rule, and no Load more after the last page');
    assert.strictEqual(emulator.server.stats.get('events.listRules'), 3);
  });

  it('filters rules by exact name on the service, or by part of the name over what is loaded, until cleared', async () => {
    await useEmulator({ dataset: 'large', compartments: 1, rulesPerCompartment: 120 });
    const compartment = (await open())[2];
    const all = await open(compartment.label, 'Rules');
    const { tenancy } = await api();
    const group = tenancy.provider.getParent(all[0].node)!;
    const wanted = [...emulator.state.rules.values()]
      .map((r) => r.value)
      .sort((a, b) => (a.displayName < b.displayName ? 1 : -1))[0];
    tenancy.model.resources.setRuleFilter({ text: wanted.displayName, mode: 'exact' });
    const exact = await shown(group);
    assert.deepStrictEqual(
      exact.map((r) => r.label),
      [wanted.displayName],
      'found by the service even though it is not on the first page',
    );
    tenancy.model.resources.setRuleFilter({ text: all[3].label.slice(-3), mode: 'contains' });
    const calls = emulator.server.stats.get('events.listRules');
    const contains = await shown(group);
    assert.ok(
      contains.length >= 1 &&
        contains.every((r) => r.label.includes(all[3].label.slice(-3)) || r.label === 'Load more…'),
    );
    assert.strictEqual(
      emulator.server.stats.get('events.listRules'),
      calls! + 1,
      'leaving the exact filter reloads once',
    );
    await vscode.commands.executeCommand('oew.tenancy.clearRuleFilter');
    assert.strictEqual(tenancy.model.resources.ruleFilter, undefined);
    assert.strictEqual((await shown(group)).length, 51);
  });

  it('turns a compartment that fails to load into an error row with Retry, and the rest of the tree keeps working', async () => {
    await useEmulator({ dataset: 'demo' });
    const root = await open();
    await fetch(`${emulator.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault5xxRate: 1 }),
    });
    const failed = await shown(root.find((r) => r.label === 'security')!.node);
    const error = failed[failed.length - 1];
    assert.strictEqual(error.label, 'Could not load');
    assert.deepStrictEqual(
      failed.slice(0, 2).map((r) => r.label),
      ['Rules', 'Topics'],
      'the groups are still there',
    );
    await fetch(`${emulator.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault5xxRate: 0 }),
    });
    assert.ok((await shown(root.find((r) => r.label === 'network')!.node)).length >= 2, 'another compartment opens');
    const { tenancy } = await api();
    await vscode.commands.executeCommand('oew.tenancy.loadMore', error.node);
    const retried = await shown(tenancy.provider.getParent(error.node));
    assert.ok(!retried.some((r) => r.label === 'Could not load'));
  });
});
