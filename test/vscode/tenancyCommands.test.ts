import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Emulator } from '../../src/emulator/emulator';
import { startReceiver } from '../unit/emulator/receiver';
import { answer, answerNext, api, messagesShownBy } from './helpers';
import { open, Shown, shown, useTenancyEmulator } from './tenancyTree';

/** Create, publish, resend and delete from the Tenancy view's rows, against the emulator. */
describe('Tenancy view: topic and subscription commands', () => {
  const ctx = useTenancyEmulator();
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await ctx.start({ dataset: 'demo' });
  });

  const calls = (operation: string) => emulator.server.stats.get(operation) ?? 0;
  const parentOf = async (row: Shown) => (await api()).tenancy.provider.getParent(row.node)!;
  const labels = (rows: Shown[]) => rows.map((r) => r.label);

  it('creates a topic in a compartment and reloads only that compartment’s Topics; a taken name is refused before any call', async () => {
    const root = await open('apps');
    const topicsRow = root.find((r) => r.label === 'Topics')!;
    await shown(topicsRow.node);
    const listCompartments = calls('identity.listCompartments');
    const listTopics = calls('ons.listTopics');
    await answer(['Create Topic', 'orders'], ['Create Topic orders', '']);
    const topic = await vscode.commands.executeCommand('oew.tenancy.createTopic', topicsRow.node);
    assert.ok(topic, 'created');
    assert.deepStrictEqual(labels(await shown(topicsRow.node)), ['orders']);
    assert.strictEqual(calls('ons.listTopics'), listTopics + 1, 'the Topics list loaded again, once');
    assert.strictEqual(calls('identity.listCompartments'), listCompartments, 'nothing else reloaded');
    const creates = calls('ons.createTopic');
    await answer(['Create Topic', 'orders']);
    const { errors } = await messagesShownBy(() =>
      vscode.commands.executeCommand('oew.tenancy.createTopic', topicsRow.node),
    );
    assert.match(errors.join('\n'), /A topic named orders already exists: topic names are unique across the tenancy/);
    assert.strictEqual(calls('ons.createTopic'), creates, 'the loaded name was enough to refuse it');
    // Once deleted, the name is free again.
    const orders = (await shown(topicsRow.node)).find((r) => r.label === 'orders')!;
    // What once skipped the question is now a stray argument: the user is asked, and Cancel keeps the topic.
    await answerNext('Delete topic', undefined);
    assert.strictEqual(
      await vscode.commands.executeCommand('oew.tenancy.deleteTopic', orders.node, { confirmed: true }),
      false,
    );
    assert.deepStrictEqual(labels(await shown(topicsRow.node)), ['orders'], 'Cancel deletes nothing');
    assert.strictEqual((await api()).prompts.unanswered.length, 0, 'the user was asked');
    const wrong = await messagesShownBy(() => vscode.commands.executeCommand('oew.tenancy.deleteTopic', 'orders'));
    assert.match(
      wrong.errors.join('\n'),
      /Delete Topic takes a topic of the Tenancy view as its first argument, and was given a text/,
    );
    await answerNext('Delete topic', 'Delete');
    await vscode.commands.executeCommand('oew.tenancy.deleteTopic', orders.node);
    await answer(['Create Topic', 'orders'], ['Create Topic orders', '']);
    assert.ok(await vscode.commands.executeCommand('oew.tenancy.createTopic', topicsRow.node));
  });

  it('subscribes a local endpoint, shown PENDING until it confirms; a bad endpoint is refused before any call', async () => {
    const receiver = await startReceiver();
    try {
      const topics = await open('apps', 'apps-dev', 'Topics');
      const topic = topics.find((t) => t.label === 'dev-notifications')!;
      await answer(
        ['Create Subscription', 'CUSTOM_HTTPS'],
        ['Create CUSTOM_HTTPS Subscription', `${receiver.url}?token=1`],
      );
      const refused = await messagesShownBy(() =>
        vscode.commands.executeCommand('oew.tenancy.createSubscription', topic.node),
      );
      assert.match(refused.errors.join('\n'), /does not accept a query string/);
      assert.strictEqual(calls('ons.createSubscription'), 0);
      const confirmation = receiver.next();
      // Basic credentials in the URL, as ONS takes them: never shown, in the tree or in a message.
      const endpoint = receiver.url.replace('http://', 'http://hook:s3cret@');
      const masked = receiver.url.replace('http://', 'http://hook:<redacted>@');
      await answer(['Create Subscription', 'CUSTOM_HTTPS'], ['Create CUSTOM_HTTPS Subscription', endpoint]);
      const subscribed = await messagesShownBy(() =>
        vscode.commands.executeCommand('oew.tenancy.createSubscription', topic.node),
      );
      assert.match(subscribed.infos.join('\n'), /PENDING until the endpoint confirms/);
      assert.ok(
        subscribed.infos.every((m) => !m.includes('s3cret')),
        subscribed.infos.join('\n'),
      );
      const rows = await shown(topic.node);
      const created = rows.find((r) => r.label === masked)!;
      assert.ok(created, rows.map((r) => r.label).join(', '));
      assert.ok(!created.tooltip.includes('s3cret'));
      assert.strictEqual(created.description, 'CUSTOM_HTTPS · PENDING: waiting for confirmation');
      assert.strictEqual((await confirmation).headers['x-oci-ns-messagetype'], 'SubscriptionConfirmation');

      const resent = receiver.next();
      await vscode.commands.executeCommand('oew.tenancy.resendConfirmation', created.node);
      const url = (JSON.parse((await resent).body) as { ConfirmationURL: string }).ConfirmationURL;
      assert.strictEqual((await fetch(url)).status, 200);
      await vscode.commands.executeCommand('oew.tenancy.refresh', topic.node);
      const confirmed = (await shown(topic.node)).find((r) => r.label === masked)!;
      assert.strictEqual(confirmed.description, 'CUSTOM_HTTPS · ACTIVE');

      const publishes = calls('ons.publishMessage');
      await answer(['Title', 'big'], ['Body', 'x'.repeat(64 * 1024)]);
      const tooBig = await messagesShownBy(() =>
        vscode.commands.executeCommand('oew.tenancy.publishMessage', topic.node),
      );
      assert.match(
        tooBig.errors.join('\n'),
        /64\.0 KB \(65539 bytes\); ONS takes at most 64 KB/,
        'over 64 KB with its title',
      );
      assert.strictEqual(calls('ons.publishMessage'), publishes, 'refused before any call');
      const delivery = receiver.next();
      await answer(['Title', 'Hello'], ['Body', 'from the Tenancy view']);
      await vscode.commands.executeCommand('oew.tenancy.publishMessage', topic.node);
      assert.strictEqual((await delivery).body, 'from the Tenancy view');

      await answerNext('subscription of', 'Delete');
      await vscode.commands.executeCommand('oew.tenancy.deleteSubscription', confirmed.node);
      assert.ok(!labels(await shown(topic.node)).includes(masked), 'the subscription is gone');
    } finally {
      await receiver.close();
    }
  });

  it('deletes a topic, and only its compartment’s Topics reload', async () => {
    const topics = await open('security', 'Topics');
    const topic = topics.find((t) => t.label === 'security-alerts')!;
    const group = await parentOf(topic);
    const listCompartments = calls('identity.listCompartments');
    await answerNext('Delete topic', 'Delete');
    await vscode.commands.executeCommand('oew.tenancy.deleteTopic', topic.node);
    assert.deepStrictEqual(labels(await shown(group)), []);
    assert.strictEqual(calls('identity.listCompartments'), listCompartments);
    assert.strictEqual(
      [...emulator.state.topics.values()].some((t) => t.value.name === 'security-alerts'),
      false,
    );
  });

  it('lists the rules targeting a topic among those read, and all of them after Load All Rules', async () => {
    const topicId = [...emulator.state.topics.values()].find((t) => t.value.name === 'infra-alerts')!.value.topicId;
    const sending = [...emulator.state.rules.values()]
      .map((r) => r.value)
      .filter((r) => r.actions.actions.some((a) => 'topicId' in a && a.topicId === topicId))
      .map((r) => r.displayName)
      .sort();
    assert.ok(sending.length >= 2, `the demo has several rules sending to infra-alerts: ${sending.join(', ')}`);
    // One rule is loaded in the tree: its compartment's Rules were opened.
    const prodRules = await open('apps', 'apps-prod', 'Rules');
    const topics = await open('apps', 'apps-prod', 'Topics');
    const topic = topics.find((t) => t.label === 'infra-alerts')!;
    const [rulesRow] = await shown(topic.node);
    const partial = await shown(rulesRow.node);
    const loadedSending = prodRules.filter((r) => sending.includes(r.label)).map((r) => r.label);
    assert.deepStrictEqual(labels(partial.slice(0, -1)), loadedSending.sort());
    assert.strictEqual(partial[partial.length - 1].label, 'Not every rule is read yet: Load All Rules…');
    await vscode.commands.executeCommand('oew.tenancy.loadAllRules', partial[partial.length - 1].node);
    const complete = await shown(rulesRow.node);
    assert.deepStrictEqual(labels(complete), sending);
  });

  it('filters the rules by what is typed in one picker, exactly on the service when chosen, and Escape keeps the filter as it was', async () => {
    const { tenancy } = await api();
    const before = labels(await open('apps', 'apps-prod', 'Rules'));
    assert.ok(before.length >= 2);
    const part = before[0].slice(0, 5);
    await answer(['Filter Rules', `Name contains "${part}"`]);
    await vscode.commands.executeCommand('oew.tenancy.filterRules');
    assert.deepStrictEqual(tenancy.model.resources.ruleFilter, { text: part, mode: 'contains' });
    const narrowed = labels(await open('apps', 'apps-prod', 'Rules'));
    assert.deepStrictEqual(
      narrowed,
      before.filter((l) => l.toLowerCase().includes(part.toLowerCase())),
    );
    await answer(['Filter Rules', undefined]);
    await vscode.commands.executeCommand('oew.tenancy.filterRules');
    assert.deepStrictEqual(
      tenancy.model.resources.ruleFilter,
      { text: part, mode: 'contains' },
      'Escape changed nothing',
    );
    await answer(['Filter Rules', `Name is exactly "${before[1]}"`]);
    await vscode.commands.executeCommand('oew.tenancy.filterRules');
    assert.deepStrictEqual(labels(await open('apps', 'apps-prod', 'Rules')), [before[1]]);
    await vscode.commands.executeCommand('oew.tenancy.clearRuleFilter');
    assert.strictEqual(tenancy.model.resources.ruleFilter, undefined);
  });

  it('has no console for the emulator’s profile, and says so', async () => {
    const root = await open();
    const tenancyRow = await parentOf(root[0]);
    const { errors } = await messagesShownBy(() =>
      vscode.commands.executeCommand('oew.tenancy.openInConsole', tenancyRow),
    );
    assert.match(errors.join('\n'), /a local endpoint such as the emulator, which has no OCI Console/);
  });
});
