import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Emulator } from '../../src/emulator/emulator';
import { etagOf } from '../../src/emulator/store/state';
import type { ScriptedAnswer } from '../../src/platform/prompts';
import { api, waitFor } from './helpers';
import { open, useTenancyEmulator } from './tenancyTree';

const CREATE_VCN = 'com.oraclecloud.virtualnetwork.createvcn';
const CREATE_POLICY = 'com.oraclecloud.identitycontrolplane.createpolicy';
const CREATE_OBJECT = 'com.oraclecloud.objectstorage.createobject';

/** Rules opened from the Tenancy view as documents, deployed on save. */
describe('Rule documents: edit, save, deploy', () => {
  let emulator: Emulator;
  // Before the emulator's own afterEach, which stops it: reverting reads the rule.
  afterEach(async () => {
    (await api()).prompts.clearScript();
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  const ctx = useTenancyEmulator();
  beforeEach(async () => {
    emulator = await ctx.start({ dataset: 'demo' });
  });

  const answer = async (...answers: ScriptedAnswer[]) => (await api()).prompts.script(...answers);
  /** Whether every scripted answer was used: each question was asked. */
  const allAsked = async () => (await api()).prompts.unanswered.length === 0;
  const DEPLOY_ANYWAY = 'Deploy it anyway?';
  const CHANGED = 'Someone changed rule';
  const stored = (name: string) => [...emulator.state.rules.values()].find((r) => r.value.displayName === name)!;
  /** Someone else changes the rule: what the console would do. */
  const changeBehind = (name: string, description: string) => {
    const rule = stored(name);
    rule.value = { ...rule.value, description };
    rule.etag = etagOf(rule.value);
  };
  /** Each test opens a rule of its own: a document stays open in the editor between tests. */
  async function openRule(name: string, ...path: string[]): Promise<vscode.TextEditor> {
    const rules = await open(...path, 'Rules');
    const row = rules.find((r) => r.label === name)!;
    const uri = await vscode.commands.executeCommand<string>('oew.tenancy.editRule', row.node);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), uri);
    return editor;
  }
  async function replace(editor: vscode.TextEditor, from: string, to: string): Promise<void> {
    const text = editor.document.getText();
    const at = text.indexOf(from);
    assert.ok(at >= 0, `"${from}" in the document`);
    await editor.edit((e) =>
      e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + from.length)), to),
    );
  }

  it('opens a rule with its condition as an object and its targets by name, and deploys an edit on save', async () => {
    const editor = await openRule('network-changes', 'network');
    assert.strictEqual(editor.document.languageId, 'oci-event-rule');
    // What the tab and the Problems view show: the rule's name, never its OCID.
    assert.strictEqual(editor.document.uri.path, '/EMULATOR/network/network-changes.rule.json');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab!;
    assert.strictEqual(tab.label, 'network-changes.rule.json');
    const document = JSON.parse(editor.document.getText()) as {
      condition: { eventType: string[] };
      actions: { topic?: string; stream?: string }[];
    };
    assert.ok(document.condition.eventType.includes(CREATE_VCN));
    assert.deepStrictEqual(
      document.actions.map((a) => a.topic ?? a.stream),
      ['infra-alerts', 'siem'],
    );
    await replace(editor, CREATE_VCN, 'com.oraclecloud.virtualnetwork.updatevcn');
    assert.strictEqual(await editor.document.save(), true);
    assert.ok(stored('network-changes').value.condition.includes('com.oraclecloud.virtualnetwork.updatevcn'));
    assert.ok(!stored('network-changes').value.condition.includes(CREATE_VCN));
    assert.strictEqual(emulator.server.stats.get('events.updateRule'), 1);
  });

  it('does not deploy a rule with errors, and asks once before deploying one with warnings', async () => {
    const editor = await openRule('iam-changes', 'security');
    await replace(editor, '"isEnabled": true,\n  "condition"', '"isEnable": true,\n  "condition"');
    assert.strictEqual(await editor.document.save(), false, 'an error blocks the deploy');
    assert.ok(editor.document.isDirty && editor.document.getText().includes('"isEnable"'), 'the text is kept');
    await replace(editor, '"isEnable"', '"isEnabled"');
    await replace(editor, CREATE_POLICY, 'com.oraclecloud.identitycontrolplane.createpolicyy');
    await answer({ to: DEPLOY_ANYWAY, answer: undefined });
    assert.strictEqual(await editor.document.save(), false);
    assert.ok(await allAsked(), 'the warnings were asked about');
    await answer({ to: DEPLOY_ANYWAY, answer: 'Deploy' });
    assert.strictEqual(await editor.document.save(), true);
    assert.ok(await allAsked(), 'the warnings were asked about again');
    assert.ok(stored('iam-changes').value.condition.includes('createpolicyy'));
  });

  it('on a change made elsewhere, deploys nothing until the user chooses, and keeps the user’s text every time', async () => {
    const editor = await openRule('bucket-change-processor', 'apps', 'apps-prod');
    changeBehind('bucket-change-processor', 'changed in the console');
    await replace(editor, CREATE_OBJECT, 'com.oraclecloud.objectstorage.updateobject');
    const mine = editor.document.getText();

    await answer({ to: CHANGED, answer: undefined });
    assert.strictEqual(await editor.document.save(), false, 'Cancel deploys nothing');
    assert.strictEqual(editor.document.getText(), mine);
    assert.strictEqual(stored('bucket-change-processor').value.description, 'changed in the console');
    const diff = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputTextDiff);
    assert.ok(diff, 'the diff of theirs and yours is open');

    await answer({ to: CHANGED, answer: 'Overwrite with Mine' });
    assert.strictEqual(await editor.document.save(), true, 'Overwrite with Mine deploys');
    assert.ok(stored('bucket-change-processor').value.condition.includes('updateobject'));
    assert.notStrictEqual(stored('bucket-change-processor').value.description, 'changed in the console');

    changeBehind('bucket-change-processor', 'changed again');
    await replace(editor, 'updateobject', 'createbucket');
    const mineAgain = editor.document.getText();
    await answer({ to: CHANGED, answer: 'Take Theirs' });
    assert.strictEqual(await editor.document.save(), true);
    await waitFor(
      () => editor.document.getText(),
      (text) => text.includes('changed again'),
      'their version in the editor',
    );
    assert.ok(
      vscode.workspace.textDocuments.some((d) => d.isUntitled && d.getText() === mineAgain),
      'yours is open in an editor of its own',
    );
    assert.ok(
      !stored('bucket-change-processor').value.condition.includes('createbucket'),
      'nothing of yours was deployed',
    );
  });

  it('shows a rule the editor kept from an emulator since stopped as the one started afresh holds it, and deploys there', async () => {
    const first = await openRule('rman-vault-backups', 'apps', 'apps-prod');
    const uri = first.document.uri.toString();
    await replace(first, '"displayName": "rman-vault-backups"', '"displayName": "rman-vault-backups-old"');
    assert.strictEqual(await first.document.save(), true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.ok(
      vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri),
      'the editor keeps the closed document',
    );

    // Another emulator: the same OCIDs, but its own rules, ETags and key.
    await emulator.close();
    emulator = await ctx.start({ dataset: 'demo' });
    const editor = await openRule('rman-vault-backups', 'apps', 'apps-prod');
    assert.strictEqual(editor.document.uri.toString(), uri);
    assert.ok(editor.document.getText().includes('"displayName": "rman-vault-backups",'), editor.document.getText());
    await replace(editor, 'RMAN_BCS', 'RMAN_BACKUPS');
    assert.strictEqual(await editor.document.save(), true, 'deployed with the ETag of the emulator running now');
    assert.ok(stored('rman-vault-backups').value.condition.includes('RMAN_BACKUPS'));
    assert.strictEqual(emulator.server.stats.get('events.updateRule'), 1);
  });
});
