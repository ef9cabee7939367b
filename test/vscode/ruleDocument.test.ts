import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFile } from './helpers';

const TOPIC = 'ocid1.onstopic.oc1.iad.aaaa';

function ruleText(condition: string, extra = ''): string {
  return `{
  "displayName": "uploads",${extra}
  "isEnabled": true,
  "condition": ${condition},
  "actions": [{ "actionType": "ONS", "topic": "infra-alerts", "topicId": "${TOPIC}", "isEnabled": true }]
}
`;
}

const problems = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'OCI rule')
    .map((d) => ({ code: String(typeof d.code === 'object' ? d.code.value : d.code), line: d.range.start.line }));

describe('rule documents (*.rule.json) in the editor', () => {
  before(() => api());
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('marks a mistyped field of the rule and a problem inside its condition, each on its line', async () => {
    const uri = workspaceFile(
      'rules/typo.rule.json',
      ruleText('{ "eventType": "com.oraclecloud.objectstorage.createobjekt" }', '\n  "isEnable": true,'),
    );
    const editor = await vscode.window.showTextDocument(uri);
    assert.strictEqual(editor.document.languageId, 'oci-event-rule');
    const found = await waitFor(
      () => problems(uri),
      (p) => p.length >= 2,
      'the two problems',
    );
    assert.deepStrictEqual(
      found.sort((a, b) => a.line - b.line),
      [
        { code: 'unknown-rule-field', line: 2 },
        { code: 'unknown-event-type', line: 4 },
      ],
    );
    const [fix] = (
      await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(2, 3, 2, 3),
      )
    ).filter((a) => a.title === 'Rename to isEnabled');
    assert.ok(fix?.edit, 'the rename is offered');
  });

  it('completes event types and hovers them inside the condition, not elsewhere', async () => {
    const text = ruleText('{ "eventType": "com.oraclecloud.objectstorage.cr" }');
    const uri = workspaceFile('rules/complete.rule.json', text);
    const editor = await vscode.window.showTextDocument(uri);
    const inType = editor.document.positionAt(text.indexOf('objectstorage.cr') + 'objectstorage.cr'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      inType,
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('com.oraclecloud.objectstorage.createobject'), labels.slice(0, 10).join(', '));
    const inName = editor.document.positionAt(text.indexOf('uploads') + 2);
    const elsewhere = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      inName,
    );
    assert.ok(
      !elsewhere.items.some((i) =>
        (typeof i.label === 'string' ? i.label : i.label.label).startsWith('com.oraclecloud'),
      ),
      'no event types outside the condition',
    );
  });

  it('tests the condition inside a rule document against sample events, from its CodeLens', async () => {
    const uri = workspaceFile(
      'rules/lens.rule.json',
      ruleText('{ "eventType": "com.oraclecloud.objectstorage.createobject" }'),
    );
    await vscode.window.showTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.command === 'oew.condition.testAgainstSamples')!;
    assert.ok(lens, 'the lens is on rule documents too');
    const summary = await vscode.commands.executeCommand<{
      results: { label: string; matched: boolean; nearMiss?: string }[];
    }>(lens.command!.command, ...((lens.command!.arguments ?? []) as unknown[]));
    // A generated event that matches, and a near miss that differs in one clause and does not.
    const generated = summary.results.filter((r) => r.label.includes('createobject'));
    const text = JSON.stringify(summary.results);
    assert.ok(
      generated.some((r) => r.matched && !r.nearMiss),
      text,
    );
    assert.ok(
      generated.some((r) => !r.matched && r.nearMiss === 'eventType'),
      text,
    );
  });
});
