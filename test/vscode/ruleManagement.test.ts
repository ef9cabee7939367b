import * as assert from 'assert';
import * as vscode from 'vscode';
import { RULE_TEMPLATES } from '../../src/core/rules/ruleTemplates';
import type { GroupNode } from '../../src/core/tenancy/resourceNodes';
import type { Emulator } from '../../src/emulator/emulator';
import { api, workspaceFile, answerNext, answer } from './helpers';
import { open, Shown, shown, useTenancyEmulator } from './tenancyTree';

const rowOf = (rows: Shown[], name: string) => rows.find((r) => r.label === name)!;

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
    await answer(['Move Rule network-changes', 'security']);
    await vscode.commands.executeCommand('oew.tenancy.moveRule', row.node);
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
    await answerNext('Delete rule', 'Delete');
    await vscode.commands.executeCommand('oew.tenancy.deleteRule', row.node);
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

describe('Deploy Rule to Compartment (a workspace *.rule.json)', () => {
  const ctx = useTenancyEmulator();
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await ctx.start({ dataset: 'demo' });
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('creates the rule, writes its id, compartment and ETag back, and updates it on the next deploy', async () => {
    const topic = [...emulator.state.topics.values()].find((t) => t.value.name === 'infra-alerts')!.value.topicId;
    const network = [...emulator.state.compartments.values()].find((c) => c.name === 'network')!.id;
    const uri = workspaceFile(
      'rules/deployed.rule.json',
      `{
  "displayName": "from-the-workspace",
  "isEnabled": true,
  "condition": { "eventType": ["com.oraclecloud.objectstorage.createbucket"] },
  "actions": [{ "actionType": "ONS", "topic": "infra-alerts", "topicId": "${topic}", "isEnabled": true }]
}
`,
    );
    await answer(['Choose an OCI profile', 'EMULATOR'], ['Deploy Rule from-the-workspace to Compartment', 'network']);
    const deployed = await vscode.commands.executeCommand<{ id: string; etag: string }>('oew.rules.deployFile', uri);
    const created = emulator.state.rules.get(deployed.id)!;
    assert.strictEqual(created.value.displayName, 'from-the-workspace');
    assert.strictEqual(created.value.compartmentId, network);
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as Record<
      string,
      unknown
    >;
    assert.deepStrictEqual([written.id, written.compartmentId, written.etag], [deployed.id, network, created.etag]);
    assert.strictEqual(written.displayName, 'from-the-workspace', 'the rest of the file is kept');

    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => {
      const at = editor.document.getText().indexOf('createbucket');
      e.replace(
        new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'createbucket'.length)),
        'deletebucket',
      );
    });
    await editor.document.save();
    await answer(['Choose an OCI profile', 'EMULATOR']);
    const again = await vscode.commands.executeCommand<{ id: string }>('oew.rules.deployFile', uri);
    assert.strictEqual(again.id, deployed.id, 'the same rule, updated');
    assert.ok(emulator.state.rules.get(deployed.id)!.value.condition.includes('deletebucket'));
    assert.strictEqual(emulator.server.stats.get('events.createRule'), 1);
  });
});

describe('Create Rule from a template', () => {
  const ctx = useTenancyEmulator();
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await ctx.start({ dataset: 'demo' });
  });
  // Each created rule opens as a document: none is left for the next suite.
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('creates a rule from each template in the compartment, with the target its action needs, and the Rules list shows it', async () => {
    const rules = await open('apps', 'apps-prod', 'Rules');
    const group = (await api()).tenancy.provider.getParent(rules[0].node)!;
    // What the compartment holds: a topic and an application's functions.
    const targets = { ONS: 'infra-alerts', FAAS: 'bucket-processor' } as const;
    for (const template of RULE_TEMPLATES) {
      // A template without an action asks where it sends: a topic here.
      const actionType = template.actionType ?? 'ONS';
      assert.ok(actionType in targets, `${template.id} sends to a topic or a function`);
      await answer(
        ['Start from', template.label],
        ['display name', `copy-of-${template.id}`],
        ...(template.actionType ? [] : [['Where the rule sends', 'Notifications topic'] as [string, string]]),
        ['it sends to', targets[actionType as keyof typeof targets]],
      );
      const id = await vscode.commands.executeCommand<string>('oew.tenancy.createRule', group);
      const created = emulator.state.rules.get(id)!.value;
      assert.deepStrictEqual(JSON.parse(created.condition), template.condition, template.id);
      assert.strictEqual(created.actions.actions[0].actionType, actionType);
    }
    const shownNow = (await shown(group)).map((r) => r.label);
    for (const template of RULE_TEMPLATES) {
      assert.ok(shownNow.includes(`copy-of-${template.id}`), `${template.id} in ${shownNow.join(', ')}`);
    }
    assert.strictEqual(emulator.server.stats.get('events.createRule'), RULE_TEMPLATES.length, 'one create each');
  });
});

describe('A rule OCI is still creating', () => {
  const ctx = useTenancyEmulator();
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await ctx.start({ dataset: 'demo' });
  });

  it('shows CREATING, then ACTIVE by itself, with no refresh by the user', async () => {
    await vscode.commands.executeCommand('oew.tenancy.focus');
    const before = await open('apps', 'apps-prod', 'Rules');
    const group = (await api()).tenancy.provider.getParent(before[0].node)!;
    // As OCI does for a new rule: CREATING for a moment, here two seconds.
    const stored = [...emulator.state.rules.values()].find((r) => r.value.displayName === before[0].label)!;
    stored.value = { ...stored.value, lifecycleState: 'CREATING' };
    stored.activeAt = Date.now() + 2_000;
    (await api()).tenancy.model.resources.refresh(group as GroupNode);
    const creating = (await shown(group)).find((r) => r.label === before[0].label)!;
    assert.match(creating.description, /CREATING/);
    const reads = emulator.server.stats.get('events.listRules') ?? 0;
    for (let waited = 0; ; waited += 250) {
      const row = (await shown(group)).find((r) => r.label === before[0].label)!;
      if (!row.description.includes('CREATING')) {
        break;
      }
      assert.ok(waited < 15_000, `still ${row.description} after 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const polls = (emulator.server.stats.get('events.listRules') ?? 0) - reads;
    assert.ok(polls >= 1 && polls <= 4, `read again with backoff, ${polls} times`);
  });
});

describe('Show Rules Matching This Event Type', () => {
  const ctx = useTenancyEmulator();
  beforeEach(() => ctx.start({ dataset: 'demo' }));

  it('lists the loaded rules that name an event type, from a rule’s event type row', async () => {
    // Two compartments' rules are loaded: apps-prod names createobject twice, apps-dev once.
    await open('apps', 'apps-dev', 'Rules');
    const prod = await open('apps', 'apps-prod', 'Rules');
    const bucketRule = prod.find((r) => r.label === 'bucket-change-processor')!;
    const [eventTypeRow] = await shown(bucketRule.node);
    assert.strictEqual(eventTypeRow.label, 'com.oraclecloud.objectstorage.createobject');
    // Escape on the list of rules: the command still says what it found.
    await answer(['Rules for com.oraclecloud.objectstorage.createobject', undefined]);
    const found = await vscode.commands.executeCommand<{ rule: string; how: string }[]>(
      'oew.rules.showForEventType',
      eventTypeRow.node,
    );
    assert.deepStrictEqual(found.map((f) => `${f.rule}: ${f.how}`).sort(), [
      'bucket-change-processor: names',
      'dev-bucket-uploads: names',
      'rman-vault-backups: names',
    ]);
  });
});

describe('Test Against Emulator', () => {
  const ctx = useTenancyEmulator();
  beforeEach(() => ctx.start({ dataset: 'demo' }));
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('emits an event of the rule’s type in its compartment and says which rules matched and which topics they notified', async () => {
    const rules = await open('network', 'Rules');
    const row = rowOf(rules, 'network-changes');
    const fromTree = await vscode.commands.executeCommand<{ eventType: string; matched: unknown[] }>(
      'oew.rules.testAgainstEmulator',
      row.node,
    );
    assert.strictEqual(fromTree.eventType, 'com.oraclecloud.virtualnetwork.createvcn');
    assert.deepStrictEqual(fromTree.matched, [{ rule: 'network-changes', topics: ['infra-alerts'] }]);
    // The same from the rule's document.
    const uri = await vscode.commands.executeCommand<string>('oew.tenancy.editRule', row.node);
    const fromDocument = await vscode.commands.executeCommand<{ matched: unknown[] }>(
      'oew.rules.testAgainstEmulator',
      vscode.Uri.parse(uri),
    );
    assert.deepStrictEqual(fromDocument.matched, fromTree.matched);
  });

  it('emits an event filled in to meet the rule’s data clauses, so a rule on a bucket and object names matches', async () => {
    const rules = await open('apps', 'apps-prod', 'Rules');
    const row = rowOf(rules, 'rman-vault-backups');
    const result = await vscode.commands.executeCommand<{ matched: { rule: string; topics: string[] }[] }>(
      'oew.rules.testAgainstEmulator',
      row.node,
    );
    assert.deepStrictEqual(
      result.matched.find((m) => m.rule === 'rman-vault-backups'),
      { rule: 'rman-vault-backups', topics: ['backup-events'] },
      JSON.stringify(result.matched),
    );
  });
});
