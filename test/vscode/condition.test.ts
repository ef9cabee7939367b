import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFile } from './helpers';

const CREATE = 'com.oraclecloud.objectstorage.createobject';

/** What "Test against sample events" returns. */
interface TestRun {
  readonly results: { label: string; origin: string; matched: boolean; nearMiss?: string }[];
  readonly problems: string[];
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  assert.strictEqual(editor.document.languageId, 'oci-event-condition');
  return editor;
}

function diagnosticCodes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'OCI condition')
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
}

describe('OCI event conditions in the editor', () => {
  before(() => api());
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('marks a bad condition file with its findings', async () => {
    const uri = workspaceFile('conditions/bad.condition.json', `{\n  "eventType": [],\n  "resourceName": "x*"\n}\n`);
    await open(uri);
    const codes = await waitFor(
      () => diagnosticCodes(uri),
      (c) => c.length === 2,
      'two diagnostics',
    );
    assert.deepStrictEqual(codes.sort(), ['empty-array', 'misplaced-data-field']);
    const misplaced = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'misplaced-data-field')!;
    assert.strictEqual(misplaced.range.start.line, 2);
    assert.strictEqual(misplaced.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('updates the diagnostics as the user types', async () => {
    const uri = workspaceFile('conditions/typing.condition.json', `{"eventType": "${CREATE}"}`);
    const editor = await open(uri);
    await waitFor(
      () => diagnosticCodes(uri),
      (c) => c.length === 0,
      'no diagnostics',
    );
    await editor.edit((e) =>
      e.replace(new vscode.Range(0, 14, 0, 14 + CREATE.length + 2), '"com.oraclecloud.objectstorage.createobjekt"'),
    );
    await waitFor(
      () => diagnosticCodes(uri),
      (c) => c.includes('unknown-event-type'),
      'the unknown type',
    );
  });

  it('offers event types in completion, labelled with their service', async () => {
    const uri = workspaceFile(
      'conditions/complete.condition.json',
      '{"eventType": "com.oraclecloud.objectstorage.cr"}',
    );
    await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(0, 45),
    );
    const create = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === CREATE);
    assert.ok(create, 'createobject is offered');
    assert.strictEqual((create.label as vscode.CompletionItemLabel).description, 'Object Storage');
  });

  it('applies a quick fix', async () => {
    const uri = workspaceFile('conditions/fix.condition.json', '{"data": {"freeFormTags": {"Department": "Finance"}}}');
    const editor = await open(uri);
    await waitFor(
      () => diagnosticCodes(uri),
      (c) => c.includes('freeform-tags-case'),
      'the freeFormTags warning',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 11, 0, 12),
    );
    const fix = actions.find((a) => a.title === 'Rename to "freeformTags"');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    await vscode.workspace.applyEdit(fix.edit);
    assert.strictEqual(editor.document.getText(), '{"data": {"freeformTags": {"Department": "Finance"}}}');
    await waitFor(
      () => diagnosticCodes(uri),
      (c) => c.length === 0,
      'the warning to clear',
    );
  });

  it('shows the service and description of an event type on hover', async () => {
    const uri = workspaceFile('conditions/hover.condition.json', `{"eventType": "${CREATE}"}`);
    await open(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(0, 20),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Object Storage/);
    assert.match(text, /"eventType": "com\.oraclecloud\.objectstorage\.createobject"/, 'an example event');
    assert.match(text, /case-sensitive/);
  });

  it('formats a condition', async () => {
    const uri = workspaceFile(
      'conditions/format.condition.json',
      `{"eventType":["${CREATE}"],"data":{"resourceName":"a*"}}`,
    );
    await open(uri);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, {
      tabSize: 2,
      insertSpaces: true,
    });
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits);
    await vscode.workspace.applyEdit(edit);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.lineCount > 3, true, document.getText());
    assert.deepStrictEqual(JSON.parse(document.getText()), { eventType: [CREATE], data: { resourceName: 'a*' } });
  });

  it('tests a condition against generated events and workspace samples from its CodeLens', async () => {
    workspaceFile(
      '.oew/samples/my-upload.json',
      JSON.stringify({
        eventType: CREATE,
        data: { resourceName: 'invoices/2026.pdf', additionalDetails: { bucketName: 'invoices' } },
      }),
    );
    const uri = workspaceFile(
      'conditions/test.condition.json',
      JSON.stringify({
        eventType: ['com.oraclecloud.objectstorage.*object'],
        data: { additionalDetails: { bucketName: 'invoices' } },
      }),
    );
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.command === 'oew.condition.testAgainstSamples');
    assert.ok(lens?.command, 'the CodeLens is there');
    const run = await vscode.commands.executeCommand<TestRun>(
      lens.command.command,
      ...(lens.command.arguments as unknown[]),
    );
    const sample = run.results.find((r) => r.origin.endsWith('my-upload.json'));
    assert.deepStrictEqual(sample?.matched, true);
    const generated = run.results.filter((r) => r.origin === 'generated' && !r.nearMiss);
    assert.ok(generated.length >= 2, 'events generated for the wildcard’s types');
    assert.ok(
      generated.every((r) => r.matched),
      'generated events are filled with the bucket the condition asks for',
    );
    const misses = run.results.filter((r) => r.nearMiss);
    assert.deepStrictEqual(
      misses.map((r) => [r.nearMiss, r.matched]),
      [['data.additionalDetails.bucketName', false]],
    );
    const { conditionTest } = await api();
    const rows = conditionTest.provider.getChildren();
    assert.strictEqual(rows.length, run.results.length);
    const failed = rows.find((r) => r.kind === 'result' && !r.result.matched)!;
    const trace = conditionTest.provider.getChildren(failed);
    assert.deepStrictEqual(
      trace.filter((t) => t.kind === 'detail' && !t.detail.matched).map((t) => t.kind === 'detail' && t.detail.path),
      ['data.additionalDetails.bucketName'],
      'the near miss fails in the one clause it was built to',
    );
    const row = conditionTest.provider.getTreeItem(failed);
    assert.deepStrictEqual([row.label, row.description], ['createobject near miss', 'no match']);
    assert.match(row.tooltip as string, /no match data\.additionalDetails\.bucketName: condition "invoices"/);
  });

  it('opens a tested event as a read-only document with its whole trace, from a click on its row', async () => {
    const uri = workspaceFile(
      'conditions/open.condition.json',
      JSON.stringify({ eventType: CREATE, data: { additionalDetails: { bucketName: 'invoices' } } }),
    );
    await open(uri);
    await vscode.commands.executeCommand<TestRun>('oew.condition.testAgainstSamples', uri);
    const { conditionTest } = await api();
    const miss = conditionTest.provider.getChildren().find((n) => n.kind === 'result' && !!n.result.sample.nearMiss)!;
    const click = conditionTest.provider.getTreeItem(miss).command!;
    await vscode.commands.executeCommand(click.command, ...(click.arguments as unknown[]));
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.scheme === 'oew-condition-test',
      'the event to open',
    );
    const text = editor!.document.getText();
    assert.match(text, /^\/\/ com\.oraclecloud\.objectstorage\.createobject near miss: generated to match/);
    assert.match(
      text,
      /\/\/ no match data\.additionalDetails\.bucketName: condition "invoices", event "other-invoices"/,
    );
    const event = JSON.parse(text.slice(text.indexOf('\n{') + 1)) as { eventType: string };
    assert.strictEqual(event.eventType, CREATE);
    // Its scheme has no file system, so there is nothing to save it to: VS Code opens it read-only.
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem(editor!.document.uri.scheme), undefined);
  });

  it('says when no event can match a condition, instead of generating one that does not', async () => {
    const uri = workspaceFile(
      'conditions/empty.condition.json',
      JSON.stringify({ eventType: CREATE, data: { compartmentName: [] } }),
    );
    await open(uri);
    const run = await vscode.commands.executeCommand<TestRun>('oew.condition.testAgainstSamples', uri);
    assert.ok(run.results.every((r) => r.origin !== 'generated'));
    assert.deepStrictEqual(run.problems, [
      'No event can match this condition: data.compartmentName is an empty array: arrays are OR, and it lists no value to be one of.',
    ]);
  });

  it('saves a generated event as a sample, ready to edit, without overwriting one', async () => {
    const uri = workspaceFile(
      'conditions/save.condition.json',
      JSON.stringify({ eventType: 'com.oraclecloud.computeapi.launchinstance.end' }),
    );
    await open(uri);
    await vscode.commands.executeCommand('oew.condition.testAgainstSamples', uri);
    const { conditionTest } = await api();
    const generated = conditionTest.provider
      .getChildren()
      .find((n) => n.kind === 'result' && n.result.sample.origin === 'generated')!;
    const first = await vscode.commands.executeCommand<vscode.Uri>('oew.condition.saveSample', generated);
    const second = await vscode.commands.executeCommand<vscode.Uri>('oew.condition.saveSample', generated);
    assert.match(first.path, /\/\.oew\/samples\/com\.oraclecloud\.computeapi\.launchinstance\.end\.json$/);
    assert.notStrictEqual(first.toString(), second.toString());
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(first))) as {
      eventType: string;
    };
    assert.strictEqual(saved.eventType, 'com.oraclecloud.computeapi.launchinstance.end');
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      second.toString(),
      'the sample is opened',
    );
  });

  it('accepts the workspace’s own event types from .oew/event-types.json', async () => {
    const uri = workspaceFile('conditions/custom.condition.json', '{"eventType": "com.example.orders.created"}');
    await open(uri);
    await waitFor(
      () => diagnosticCodes(uri),
      (c) => c.includes('unknown-event-type'),
      'the unknown type',
    );
    workspaceFile(
      '.oew/event-types.json',
      JSON.stringify([{ eventType: 'com.example.orders.created', service: 'Orders' }]),
    );
    await waitFor(
      () => diagnosticCodes(uri),
      (c) => c.length === 0,
      'the custom type to be known',
      15_000,
    );
  });
});
