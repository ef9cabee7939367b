import * as assert from 'assert';
import * as path from 'path';
import * as os from 'os';
import * as vscode from 'vscode';
import { api, removeConfig, resetSettings, Row, SAMPLE_CONFIG, tenancyRows, waitFor, writeConfig } from './helpers';

const labels = (rows: Row[]) => rows.map((r) => r.label).join(',');

describe('Tenancy view', () => {
  beforeEach(async () => {
    await resetSettings();
    writeConfig(SAMPLE_CONFIG);
    const { tenancy } = await api();
    await tenancy.model.refresh();
  });

  afterEach(async () => {
    delete process.env.OCI_CONFIG_FILE;
    await resetSettings();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists each profile with its region and auth type', async () => {
    const rows = await tenancyRows();
    assert.deepStrictEqual(
      rows.map((r) => [r.label, r.description]),
      [
        ['DEFAULT', 'us-ashburn-1 · default'],
        ['FRANKFURT', 'eu-frankfurt-1'],
        ['SESSION', 'ap-tokyo-1'],
      ],
    );
  });

  it('follows edits of the config file on disk', async () => {
    writeConfig(SAMPLE_CONFIG + '\n[PHOENIX]\nregion=us-phoenix-1\n');
    const rows = await waitFor(tenancyRows, (r) => r.length === 4, 'the PHOENIX profile');
    assert.deepStrictEqual(rows[3], { ...rows[3], label: 'PHOENIX', description: 'us-phoenix-1' });
  });

  it('shows a malformed file as one error node that names the line and opens it there', async () => {
    // A file of its own: VS Code keeps a closed document's text, and later tests open ~/.oci/config.
    const malformed = path.join(os.homedir(), 'malformed', 'config');
    writeConfig('[DEFAULT]\nregion=us-ashburn-1\n; a comment the SDK refuses\n', malformed);
    await vscode.workspace
      .getConfiguration('oew')
      .update('oci.configFile', malformed, vscode.ConfigurationTarget.Global);
    const rows = await waitFor(tenancyRows, (r) => r[0]?.contextValue === 'oew.configError', 'the error node');
    assert.strictEqual(rows.length, 1);
    assert.strictEqual(rows[0].label, 'OCI config error at line 3');
    assert.match(rows[0].description, /only "#" comments/);
    await vscode.commands.executeCommand(
      rows[0].command!.command,
      ...((rows[0].command!.arguments ?? []) as unknown[]),
    );
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.fsPath, malformed);
    assert.strictEqual(editor.selection.active.line, 2);
  });

  it('shows nothing but the welcome content when there is no config file', async () => {
    removeConfig();
    const { tenancy } = await api();
    await waitFor(
      () => tenancy.model.state?.kind,
      (k) => k === 'missing',
      'the missing state',
    );
    assert.deepStrictEqual(await tenancyRows(), []);
  });

  it('reads the file named by oew.oci.configFile instead of ~/.oci/config', async () => {
    const other = path.join(os.homedir(), 'elsewhere', 'oci.ini');
    writeConfig('[ELSEWHERE]\nregion=sa-saopaulo-1\n', other);
    await vscode.workspace.getConfiguration('oew').update('oci.configFile', other, vscode.ConfigurationTarget.Global);
    await waitFor(tenancyRows, (r) => labels(r) === 'ELSEWHERE', 'the ELSEWHERE profile');
    // The watch follows the setting to the new file.
    writeConfig('[ELSEWHERE]\nregion=sa-saopaulo-1\n[SECOND]\nregion=sa-vinhedo-1\n', other);
    await waitFor(tenancyRows, (r) => labels(r) === 'ELSEWHERE,SECOND', 'the SECOND profile');
  });

  it('falls back to $OCI_CONFIG_FILE when ~/.oci/config does not exist', async () => {
    removeConfig();
    const envFile = path.join(os.homedir(), 'env-config');
    writeConfig('[FROM_ENV]\nregion=us-sanjose-1\n', envFile);
    process.env.OCI_CONFIG_FILE = envFile;
    await vscode.commands.executeCommand('oew.tenancy.refresh');
    assert.strictEqual(labels(await tenancyRows()), 'FROM_ENV');
  });

  it('marks the profile chosen with "Use as Default Profile" as the default', async () => {
    const { tenancy } = await api();
    const frankfurt = tenancy.model.roots().find((n) => n.kind === 'profile' && n.profile.name === 'FRANKFURT');
    await vscode.commands.executeCommand('oew.tenancy.setDefaultProfile', frankfurt);
    assert.strictEqual(vscode.workspace.getConfiguration('oew').get('oci.profile'), 'FRANKFURT');
    const rows = await waitFor(tenancyRows, (r) => r[1]?.description.endsWith('default'), 'FRANKFURT as default');
    assert.strictEqual(rows[0].description, 'us-ashburn-1');
  });

  it('opens the config file at a profile', async () => {
    const { tenancy } = await api();
    const session = tenancy.model.roots().find((n) => n.kind === 'profile' && n.profile.name === 'SESSION');
    await vscode.commands.executeCommand('oew.tenancy.openConfigFile', session);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '[SESSION]');
    assert.strictEqual(editor.document.languageId, 'oci-config');
  });

  it('keeps a failing command from throwing at the user: the error boundary reports it', async () => {
    removeConfig();
    const { tenancy } = await api();
    await tenancy.model.refresh();
    // Opening a missing file fails inside the command; the boundary turns it into a message.
    await vscode.commands.executeCommand('oew.tenancy.openConfigFile');
    assert.strictEqual(vscode.window.activeTextEditor, undefined);
  });
});

describe('OCI config file language', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('marks, as the user types, the line the SDK would refuse', async () => {
    // Any file named .oci/config is an OCI config file.
    const file = path.join(os.homedir(), 'project', '.oci', 'config');
    writeConfig(SAMPLE_CONFIG, file);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'oci-config');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(document.uri), []);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '; not a comment for the SDK\n'));
    const diagnostics = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (d) => d.length === 1,
      'one diagnostic',
    );
    assert.strictEqual(diagnostics[0].range.start.line, 1);
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    await vscode.commands.executeCommand('undo');
    await waitFor(
      () => vscode.languages.getDiagnostics(document.uri),
      (d) => d.length === 0,
      'the diagnostic to clear',
    );
  });
});

describe('Check Profile panel', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens one panel per profile', async () => {
    writeConfig(SAMPLE_CONFIG);
    const { tenancy } = await api();
    await tenancy.model.refresh();
    const profile = tenancy.model.roots()[0];
    await vscode.commands.executeCommand('oew.tenancy.checkProfile', profile);
    await vscode.commands.executeCommand('oew.tenancy.checkProfile', profile);
    const tabs = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'Check Profile: DEFAULT'),
      (t) => t.length > 0,
      'the Check Profile tab',
    );
    assert.strictEqual(tabs.length, 1);
    assert.ok(tabs[0].input instanceof vscode.TabInputWebview);
  });

  it('asks which profile when run from the command palette, offering the default first', async () => {
    writeConfig(SAMPLE_CONFIG);
    await vscode.workspace.getConfiguration('oew').update('oci.profile', 'SESSION', vscode.ConfigurationTarget.Global);
    let settled = false;
    const done = Promise.resolve(vscode.commands.executeCommand('oew.tenancy.checkProfile')).finally(
      () => (settled = true),
    );
    // Accept the quick pick's first, preselected item as Enter would, once it is shown.
    await waitFor(
      async () => {
        if (!settled) {
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        }
        return settled;
      },
      (s) => s,
      'the profile quick pick to be accepted',
    );
    await done;
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label),
      (labels) => labels.includes('Check Profile: SESSION'),
      'the Check Profile tab of the default profile',
    );
    await resetSettings();
  });
});
