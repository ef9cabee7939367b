import * as assert from 'assert';
import * as vscode from 'vscode';
import { PO_SERVICE, poFilter, poPayload, SEED_FILTER } from '../unit/xpath/fixtures';
import { api, waitFor, workspaceFile } from './helpers';

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  assert.strictEqual(editor.document.languageId, 'oic-xpath-filter');
  return editor;
}

function diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'OIC filter');
}

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('OIC XPath filters in the editor', () => {
  before(() => api());
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('marks a namespace the event does not use, and fixes it with the right URI', async () => {
    const broken = SEED_FILTER.replace(`"${PO_SERVICE}"`, `"${PO_SERVICE.slice(0, -1)}"`);
    const uri = workspaceFile('filters/slash.xpathfilter', broken);
    const editor = await open(uri);
    const [wrong] = await waitFor(
      () => diagnostics(uri),
      (d) => d.length === 1,
      'the wrong-namespace warning',
    );
    assert.strictEqual(wrong.code, 'wrong-namespace');
    assert.strictEqual(wrong.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(editor.document.getText(wrong.range), PO_SERVICE.slice(0, -1));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      wrong.range,
    );
    const fix = actions.find((a) => a.title === `Use ${PO_SERVICE}`);
    assert.ok(fix?.edit && fix.isPreferred, actions.map((a) => a.title).join(', '));
    await vscode.workspace.applyEdit(fix.edit);
    assert.strictEqual(editor.document.getText(), SEED_FILTER);
    await waitFor(
      () => diagnostics(uri),
      (d) => d.length === 0,
      'no diagnostics after the fix',
    );
  });

  it('marks an unbound prefix as an error as the user types', async () => {
    const uri = workspaceFile('filters/typing.xpathfilter', SEED_FILTER);
    const editor = await open(uri);
    const at = editor.document.positionAt(SEED_FILTER.indexOf('ns0:Value'));
    await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 3)), 'ns9'));
    const [unbound] = await waitFor(
      () => diagnostics(uri),
      (d) => d.some((x) => x.code === 'unbound-prefix'),
      'the unbound-prefix error',
    );
    assert.strictEqual(unbound.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(editor.document.getText(unbound.range), 'ns9');
  });

  it('changes a mistyped prefix to the declared one with a quick fix, in every use', async () => {
    const text = SEED_FILTER.split('ns0:').join('ns1:');
    const uri = workspaceFile('filters/rename.xpathfilter', text);
    const editor = await open(uri);
    const found = await waitFor(
      () => diagnostics(uri),
      (d) => d.some((x) => x.code === 'unbound-prefix'),
      'the unbound-prefix error',
    );
    // ns0 is declared and now unused: its note comes first, the error is the one to fix.
    const unbound = found.find((x) => x.code === 'unbound-prefix')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      unbound.range,
    );
    const rename = actions.find((a) => a.title === "Change 'ns1' to 'ns0'");
    assert.ok(rename?.edit && rename.isPreferred, actions.map((a) => a.title).join(', '));
    await vscode.workspace.applyEdit(rename.edit);
    assert.strictEqual(editor.document.getText(), SEED_FILTER);
    await waitFor(
      () => diagnostics(uri),
      (d) => d.length === 0,
      'no diagnostics after the fix',
    );
  });

  it('completes the children of the path typed so far from the event’s sample payload', async () => {
    const text = poFilter('$eventPayload/ns2:result/');
    const uri = workspaceFile('filters/complete.xpathfilter', text);
    const editor = await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      editor.document.positionAt(text.indexOf('</xpathExpr>')),
    );
    assert.deepStrictEqual(
      list.items.map(label).filter((l) => l.includes(':')),
      ['ns0:Value'],
    );
  });

  it('evaluates a new filter against its generated payload at once, asking for no folder when there are no saved payloads', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri;
    const samples = vscode.Uri.joinPath(root, '.oew', 'samples', 'fusion');
    await Promise.resolve(vscode.workspace.fs.delete(samples, { recursive: true, useTrash: false })).catch(() => {});
    const created = await vscode.commands.executeCommand<string>('oew.xpath.newFilter', 'PrcPoCommonPo_PurchaseOrder');
    // A folder dialog here would never be answered, and the test would time out.
    const run = await vscode.commands.executeCommand<{ results: { label: string; value?: boolean }[] }>(
      'oew.xpath.evaluate',
      vscode.Uri.parse(created),
    );
    assert.deepStrictEqual(
      run.results.map((r) => r.label),
      ['generated: Purchase Order Event'],
    );
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(samples)), 'no folder was made for the user');
  });

  it('evaluates a filter against every payload in .oew/samples/fusion and a generated one, from its CodeLens', async () => {
    workspaceFile('.oew/samples/fusion/lan-cable.xml', poPayload());
    workspaceFile('.oew/samples/fusion/monitor.xml', poPayload({ item: 'Monitor' }));
    const uri = workspaceFile('filters/evaluate.xpathfilter', SEED_FILTER);
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.command === 'oew.xpath.evaluate' && l.command.arguments?.length === 1);
    assert.ok(lens?.command, 'the CodeLens is there');
    const run = await vscode.commands.executeCommand<{ results: { label: string; value?: boolean }[] }>(
      lens.command.command,
      ...(lens.command.arguments as unknown[]),
    );
    assert.deepStrictEqual(
      run.results.map((r) => [r.label, r.value]),
      [
        ['generated: Purchase Order Event', true],
        ['.oew/samples/fusion/lan-cable.xml', true],
        ['.oew/samples/fusion/monitor.xml', false],
      ],
    );
    const { filterEvaluation } = await api();
    const rows = filterEvaluation.provider.getChildren();
    const lan = rows.find((r) => r.kind === 'result' && r.result.label.endsWith('lan-cable.xml'))!;
    const [path] = filterEvaluation.provider.getChildren(lan);
    const item = filterEvaluation.provider.getTreeItem(path);
    // Short rows, readable at the default width; the full path on hover.
    assert.strictEqual(item.label, '…/ns0:ItemDescription');
    assert.strictEqual(item.description, '1 node: "Lan Cable"');
    assert.match(
      item.tooltip as string,
      /^\$eventPayload\/ns2:result\/ns0:Value\/ns0:PurchaseOrderLine\/ns0:ItemDescription\n/,
    );
    assert.strictEqual(filterEvaluation.provider.getTreeItem(lan).label, 'lan-cable.xml');
  });

  it('creates a filter for a catalogued event with its namespaces declared and no problem', async () => {
    const created = await vscode.commands.executeCommand<string>('oew.xpath.newFilter', 'PrcPoCommonPo_PurchaseOrder');
    const uri = vscode.Uri.parse(created);
    assert.match(uri.path, /\/\.oew\/filters\/PurchaseOrder(-\d+)?\.xpathfilter$/);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), created);
    assert.match(editor.document.getText(editor.selection), /^\$eventPayload\/ns2:result\/ns0:Value\//);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepStrictEqual(diagnostics(uri), []);
  });
});
