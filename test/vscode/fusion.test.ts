import * as assert from 'assert';
import * as vscode from 'vscode';
import { Emulator, startEmulator } from '../../src/emulator/emulator';
import { DEMO_OIC_HOST } from '../../src/emulator/store/fusionState';
import type { FusionNode } from '../../src/fusion/fusionModel';
import { findEvent } from '../../src/core/fusion/fusionEvents';
import { referenceCatalog } from '../../src/core/fusion/referenceCatalog';
import { buildFusionEventPayload } from '../../src/core/payloads/fusionEvent';
import { api, forgetFusionConnections, workspaceFile, answerNext, answer } from './helpers';

type Node<K extends FusionNode['kind']> = Extract<FusionNode, { kind: K }>;

describe('Fusion Events view, against the emulator', () => {
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ dataset: 'demo' });
    const { url, username } = emulator.announcement.fusion;
    await vscode.workspace
      .getConfiguration('oew')
      .update(
        'fusion.connections',
        [{ name: 'acme-test', baseUrl: url, username, expectedOicHosts: [DEMO_OIC_HOST] }],
        vscode.ConfigurationTarget.Global,
      );
  });

  after(async () => {
    await forgetFusionConnections();
    await emulator.close();
  });

  async function children(node?: FusionNode): Promise<FusionNode[]> {
    const { fusion } = await api();
    return Promise.resolve(fusion.provider.getChildren(node));
  }

  async function group(name: Node<'group'>['group']): Promise<Node<'group'>> {
    const [connection] = await children();
    return (await children(connection)).find((n): n is Node<'group'> => n.kind === 'group' && n.group === name)!;
  }

  it('offers to enter the password, keeps it in SecretStorage, and then shows the four groups', async () => {
    const [connection] = await children();
    assert.strictEqual(connection.kind === 'connection' && connection.connection.name, 'acme-test');
    const [ask] = await children(connection);
    assert.strictEqual(ask.kind === 'message' && ask.severity, 'password');
    await answer(['Password of', emulator.announcement.fusion.password]);
    await vscode.commands.executeCommand('oew.fusion.setPassword', connection);
    const { fusion } = await api();
    fusion.model.reload();
    const [again] = await children();
    assert.deepStrictEqual(
      (await children(again)).map((n) => n.kind === 'group' && n.group),
      ['catalog', 'custom', 'subscriptions', 'disabled'],
      'the password is read from SecretStorage, not asked again',
    );
  });

  it('lists the catalog by module, with each event’s enabled state', async () => {
    const modules = (await children(await group('catalog'))) as Node<'module'>[];
    assert.ok(modules.some((m) => m.module === 'Payables') && modules.some((m) => m.module === 'Procurement'));
    const procurement = modules.find((m) => m.module === 'Procurement')!;
    const events = (await children(procurement)) as Node<'event'>[];
    const { fusion } = await api();
    const po = events.find((e) => e.info.event.id === 'PrcPoCommonPo_PurchaseOrder')!;
    assert.strictEqual(fusion.provider.getTreeItem(po).description, 'PurchaseOrder · enabled');
    assert.strictEqual(fusion.provider.getParent(po), procurement);
  });

  it('raises an event in the emulator with a payload file, and shows its details read-only', async () => {
    const procurement = ((await children(await group('catalog'))) as Node<'module'>[]).find(
      (m) => m.module === 'Procurement',
    )!;
    const po = ((await children(procurement)) as Node<'event'>[]).find(
      (e) => e.info.event.id === 'PrcPoCommonPo_PurchaseOrder',
    )!;
    const { fusion } = await api();
    assert.strictEqual(fusion.provider.getTreeItem(po).contextValue, 'oew.fusion.event.emulator');
    const payload = workspaceFile(
      '.oew/samples/fusion/lan-cable.xml',
      buildFusionEventPayload(findEvent(referenceCatalog(), po.info.event.id)!),
    );
    const result = await vscode.commands.executeCommand<{
      enabled: boolean;
      subscriptions: { id: string; matched: boolean }[];
    }>('oew.fusion.raiseInEmulator', po, payload);
    assert.deepStrictEqual(
      [result.enabled, result.subscriptions.find((s) => s.id === 'SUB-0001')?.matched],
      [true, true],
    );
    await vscode.commands.executeCommand('oew.fusion.openDetails', po);
    const details = vscode.window.activeTextEditor!.document;
    assert.strictEqual(details.uri.scheme, 'oew-fusion');
    assert.strictEqual((JSON.parse(details.getText()) as { name: string }).name, po.info.event.name);
  });

  it('lists custom events in a group of their own', async () => {
    const custom = (await children(await group('custom'))) as Node<'event'>[];
    assert.strictEqual(custom.length, 3);
    assert.ok(custom.every((c) => c.info.custom));
  });

  it('flags the subscription that points at another environment', async () => {
    const { fusion } = await api();
    const subscriptions = (await children(await group('subscriptions'))) as Node<'subscription'>[];
    const stale = subscriptions.filter((s) => s.stale);
    assert.deepStrictEqual(
      stale.map((s) => s.subscription.id),
      ['SUB-0003'],
    );
    const item = fusion.provider.getTreeItem(stale[0]);
    assert.match(item.tooltip as string, /Points at another environment/);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'warning');
  });

  it('flags the subscription whose event is disabled, and lists disabled events by name', async () => {
    const { fusion } = await api();
    const subscriptions = (await children(await group('subscriptions'))) as Node<'subscription'>[];
    const invoices = subscriptions.find((s) => s.subscription.integration === 'AP_INVOICE_SYNC')!;
    assert.strictEqual(invoices.eventDisabled, true);
    const item = fusion.provider.getTreeItem(invoices);
    assert.strictEqual(item.description, 'event disabled');
    assert.match(item.tooltip as string, /no events will arrive\. It is disabled in Fusion’s erpBusinessEvents/);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'warning');
    const wms = subscriptions.find((s) => s.subscription.integration === 'PO_TO_WMS')!;
    assert.strictEqual(wms.eventDisabled, false);
    const labels = (await children(await group('disabled')))
      .filter((n) => n.kind === 'disabled')
      .map((n) => fusion.provider.getTreeItem(n).label as string);
    assert.ok(labels.length > 1);
    assert.deepStrictEqual(
      labels,
      [...labels].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)),
    );
  });

  it('lists disabled events with the Payables profile option, and enables one', async () => {
    const disabledGroup = await group('disabled');
    const disabled = await children(disabledGroup);
    assert.match(disabled[0].kind === 'message' ? (disabled[0].detail ?? '') : '', /ORA_AP_ENABLE_BUSINESS_EVENTS = Y/);
    const hold = disabled.find(
      (n): n is Node<'disabled'> => n.kind === 'disabled' && n.record.BusinessEventCode === 'ApInvHoldApplied',
    )!;
    assert.strictEqual(hold.event?.displayName, 'Payables Invoice Hold Applied');
    await answerNext('Enable Payables Invoice Hold Applied', 'Enable');
    await vscode.commands.executeCommand('oew.fusion.enableEvent', hold);
    const record = [...emulator.state.fusion.businessEvents.values()].find(
      (r) => r.BusinessEventCode === 'ApInvHoldApplied',
    );
    assert.strictEqual(record?.EnabledFlag, true);
    const after = await children(await group('disabled'));
    assert.ok(!after.some((n) => n.kind === 'disabled' && n.record.BusinessEventCode === 'ApInvHoldApplied'));
  });

  it('filters the whole catalog, and deletes a subscription', async () => {
    const [connection] = await children();
    await answer(['Filter the catalog', 'hold']);
    await vscode.commands.executeCommand('oew.fusion.filterCatalog', connection);
    const modules = (await children(await group('catalog'))) as Node<'module'>[];
    const names = modules.flatMap((m) => m.events.map((e) => e.event.displayName));
    assert.deepStrictEqual(names.sort(), [
      'Payables Invoice Hold Applied',
      'Payables Invoice Hold Released',
      'Sales Order Hold Applied',
    ]);
    await answer(['Filter the catalog', '']);
    await vscode.commands.executeCommand('oew.fusion.filterCatalog', connection);
    const subscriptions = (await children(await group('subscriptions'))) as Node<'subscription'>[];
    const stale = subscriptions.find((s) => s.subscription.id === 'SUB-0003')!;
    await answerNext('Delete subscription', 'Delete');
    assert.strictEqual(await vscode.commands.executeCommand('oew.fusion.deleteSubscription', stale), true);
    assert.ok(!emulator.state.fusion.subscriptions.has('SUB-0003'));
  });
});
