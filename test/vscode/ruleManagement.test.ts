import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Emulator } from '../../src/emulator/emulator';
import { api } from './helpers';
import { open, Shown, shown, useTenancyEmulator } from './tenancyTree';

/** Enable, disable, move, delete and export rules from the Tenancy view, against the emulator. */
describe('Rules: enable, disable, move, delete, export', () => {
  const ctx = useTenancyEmulator();
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await ctx.start({ dataset: 'demo' });
  });

  const stored = (name: string) => [...emulator.state.rules.values()].find((r) => r.value.displayName === name);
  const compartment = (name: string) => [...emulator.state.compartments.values()].find((c) => c.name === name)!;
  const rulesOf = async (row: Shown) => shown((await api()).tenancy.provider.getParent(row.node));
  const rowOf = (rows: Shown[], name: string) => rows.find((r) => r.label === name)!;

  it('disables and enables a rule, and its row shows it', async () => {
    const rules = await open('network', 'Rules');
    const row = rowOf(rules, 'network-changes');
    assert.strictEqual(await vscode.commands.executeCommand('oew.tenancy.disableRule', row.node), true);
    assert.strictEqual(stored('network-changes')!.value.isEnabled, false);
    const disabled = rowOf(await rulesOf(row), 'network-changes');
    assert.match(disabled.description, /disabled/);
    await vscode.commands.executeCommand('oew.tenancy.enableRule', disabled.node);
    assert.strictEqual(stored('network-changes')!.value.isEnabled, true);
    assert.doesNotMatch(rowOf(await rulesOf(row), 'network-changes').description, /disabled/);
  });

  it('moves a rule to another compartment, and both compartments’ Rules show where it is', async () => {
    const security = await open('security', 'Rules');
    const network = await open('network', 'Rules');
    const row = rowOf(network, 'network-changes');
    await vscode.commands.executeCommand('oew.tenancy.moveRule', row.node, compartment('security').id);
    assert.strictEqual(stored('network-changes')!.value.compartmentId, compartment('security').id);
    assert.ok(!(await rulesOf(row)).some((r) => r.label === 'network-changes'), 'gone from network');
    assert.ok(
      (await rulesOf(security[0])).some((r) => r.label === 'network-changes'),
      'shown in security, whose Rules were loaded',
    );
  });

  it('deletes a rule after the modal, and the row goes', async () => {
    const rules = await open('network', 'Rules');
    const row = rowOf(rules, 'network-changes');
    await vscode.commands.executeCommand('oew.tenancy.deleteRule', row.node, { confirmed: true });
    assert.strictEqual(stored('network-changes'), undefined);
    assert.ok(!(await rulesOf(row)).some((r) => r.label === 'network-changes'));
  });

  it('copies a rule as an OCI CLI command and as Terraform, read from the service with its actions', async () => {
    const rules = await open('network', 'Rules');
    const row = rowOf(rules, 'network-changes');
    const network = compartment('network').id;
    const cli = await vscode.commands.executeCommand<string>('oew.tenancy.copyRuleAsCli', row.node);
    assert.strictEqual(await vscode.env.clipboard.readText(), cli);
    assert.ok(cli.startsWith(`oci events rule create \\\n  --compartment-id '${network}'`));
    assert.match(cli, /--actions '\{"actions":\[\{"actionType":"ONS","topicId":"ocid1\.onstopic\./);
    assert.match(cli, /"actionType":"OSS","streamId":"ocid1\.stream\./);
    const terraform = await vscode.commands.executeCommand<string>('oew.tenancy.copyRuleAsTerraform', row.node);
    assert.match(
      terraform,
      /^resource "oci_events_rule" "network_changes" \{\n {2}compartment_id = "ocid1\.compartment\./,
    );
    assert.match(
      terraform,
      /condition {6}= jsonencode\(\{\n {4}"eventType" = \["com\.oraclecloud\.virtualnetwork\.createvcn"/,
    );
    assert.match(terraform, /stream_id {3}= "ocid1\.stream\./);
  });
});
