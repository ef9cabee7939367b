import * as assert from 'assert';
import { readFileSync, renameSync, utimesSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Emulator, startEmulator } from '../../src/emulator/emulator';
import { issueSessionToken } from '../../src/emulator/sessionTokens';
import { freePort } from '../harness/codeServer';
import type { ProfileErrorNode, ProfileNode, TenancyInfoNode } from '../../src/core/tenancy/profileNodes';
import { answer, api, CONFIG_FILE, resetSettings, SAMPLE_CONFIG, waitFor, writeConfig } from './helpers';

describe('OCI calls from the Tenancy view, against the emulator', () => {
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ dataset: 'demo', compartments: 1, rulesPerCompartment: 0 });
  });
  after(() => emulator.close());

  beforeEach(async () => {
    await resetSettings();
    // The user's own profiles and the emulator's, side by side, as the demo has them.
    writeConfig(`${SAMPLE_CONFIG}\n${readFileSync(emulator.identity.configFile, 'utf8')}`);
    await setEndpoints({ EMULATOR: emulator.server.url, EMULATOR_SESSION: emulator.server.url });
    emulator.server.stats.clear();
  });

  afterEach(async () => {
    const { oci } = await api();
    await oci.regions.set('EMULATOR', undefined);
    await setEndpoints(undefined);
    await resetSettings();
  });

  async function setEndpoints(value: Record<string, string> | undefined): Promise<void> {
    await vscode.workspace.getConfiguration('oew').update('oci.endpoints', value, vscode.ConfigurationTarget.Global);
    const { tenancy } = await api();
    await tenancy.model.refresh();
  }

  async function profile(name: string): Promise<ProfileNode> {
    const { tenancy } = await api();
    return waitFor(
      () => tenancy.model.roots().find((n): n is ProfileNode => n.kind === 'profile' && n.profile.name === name),
      (n) => n !== undefined,
      `profile ${name}`,
    ) as Promise<ProfileNode>;
  }

  async function descriptionOf(node: ProfileNode): Promise<string> {
    const { tenancy } = await api();
    return tenancy.provider.getTreeItem(node).description as string;
  }

  it('shows the tenancy name fetched from the emulator under its profile and in its description', async () => {
    const { tenancy } = await api();
    const node = await profile('EMULATOR');
    const item = tenancy.provider.getTreeItem(node);
    assert.strictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'a local endpoint opens');
    const children = (await tenancy.provider.getChildren(node)) as TenancyInfoNode[];
    assert.strictEqual((await api()).oci.sdkLoaded, true, 'expanding a profile loads the SDK');
    assert.deepStrictEqual(
      children.map((c) => [c.kind, c.name, c.id]),
      [['tenancy', emulator.state.tenancy.name, emulator.state.tenancy.id]],
    );
    assert.strictEqual(tenancy.provider.getParent(children[0]), node, 'reveal can walk up');
    // OCI names the home region by its key, IAD: the profile's own us-ashburn-1, so nothing to add.
    const tenancyItem = tenancy.provider.getTreeItem(children[0]);
    assert.strictEqual(tenancyItem.description, undefined);
    assert.match(tenancyItem.tooltip as string, /^Home region: us-ashburn-1$/m);
    assert.strictEqual(await descriptionOf(node), 'local');
    await tenancy.provider.getChildren(node);
    assert.strictEqual(emulator.server.stats.get('identity.getTenancy'), 1, 'fetched once, then kept');
  });

  it('leaves profiles without an endpoint collapsed and unasked', async () => {
    const { tenancy } = await api();
    const node = await profile('DEFAULT');
    assert.strictEqual(tenancy.provider.getTreeItem(node).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.strictEqual(await descriptionOf(node), 'us-ashburn-1 · default');
  });

  it('signs in with a session-token profile, and names the refresh command when its token expired', async () => {
    const { tenancy } = await api();
    const ok = (await tenancy.provider.getChildren(await profile('EMULATOR_SESSION'))) as TenancyInfoNode[];
    assert.strictEqual(ok[0].name, emulator.state.tenancy.name);

    const token = readFileSync(emulator.identity.sessionTokenFile, 'utf8');
    try {
      writeFileSync(
        emulator.identity.sessionTokenFile,
        issueSessionToken(emulator.state.sessionSecret, {
          tenancy: emulator.state.tenancy.id,
          user: emulator.identity.user,
          publicKey: emulator.identity.publicKey,
          expiresAt: new Date(Date.now() - 1000),
        }),
      );
      await vscode.commands.executeCommand('oew.tenancy.refresh', await profile('EMULATOR_SESSION'));
      const node = await profile('EMULATOR_SESSION');
      const [error] = (await tenancy.provider.getChildren(node)) as ProfileErrorNode[];
      assert.strictEqual(error.kind, 'profileError');
      assert.strictEqual(error.refreshCommand, 'oci session refresh --profile EMULATOR_SESSION');
      const item = tenancy.provider.getTreeItem(error);
      assert.strictEqual(item.label, 'Session expired');
      assert.strictEqual(item.command?.command, 'oew.tenancy.refreshSession');
      assert.match(item.tooltip as string, /Run "oci session refresh --profile EMULATOR_SESSION" in a terminal/);
    } finally {
      writeFileSync(emulator.identity.sessionTokenFile, token);
    }
  });

  it('switches a profile’s region in the editor without touching the config file', async () => {
    const before = readFileSync(CONFIG_FILE, 'utf8');
    await answer(['Region of profile EMULATOR', 'eu-frankfurt-1']);
    await vscode.commands.executeCommand('oew.tenancy.switchRegion', await profile('EMULATOR'));
    const switched = await waitFor(
      async () => descriptionOf(await profile('EMULATOR')),
      (d) => d.includes('eu-frankfurt-1 (switched)'),
      'the switched region',
    );
    assert.match(switched, /^eu-frankfurt-1 \(switched\)/, 'what was fetched for the old region is dropped');
    assert.strictEqual(readFileSync(CONFIG_FILE, 'utf8'), before);
    // A key binding's argument: an empty region goes back to the config file's.
    await vscode.commands.executeCommand('oew.tenancy.switchRegion', await profile('EMULATOR'), '');
    await waitFor(
      async () => descriptionOf(await profile('EMULATOR')),
      (d) => d === 'local',
      'the file’s region again',
    );
  });

  it('turns a bad endpoint into an error row that retries, not a broken tree', async () => {
    const port = await freePort();
    await setEndpoints({ EMULATOR: `http://127.0.0.1:${port}` });
    const { tenancy } = await api();
    const node = await profile('EMULATOR');
    const [error] = (await tenancy.provider.getChildren(node)) as ProfileErrorNode[];
    assert.strictEqual(error.kind, 'profileError');
    const item = tenancy.provider.getTreeItem(error);
    assert.strictEqual(item.label, 'Could not read the tenancy');
    // The host, what failed and what to try, never "fetch failed" or a hint at a value it does not name.
    assert.strictEqual(
      item.tooltip,
      `127.0.0.1:${port} refused the connection: is the server running on that port? (while trying to read the tenancy, after several tries)\n\nStart the server, or check the port and the endpoint setting.`,
    );
    assert.deepStrictEqual([item.command?.command, item.command?.arguments], ['oew.tenancy.refresh', [node]]);
  });

  it('makes a profile’s clients again once its key file was written or went, rather than sign with the key it read', async () => {
    const { oci } = await api();
    // The config file's watcher, which drops every client, has fired after beforeEach's write.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const keyFile = path.join(emulator.identity.folder, 'emulator_api_key.pem');
    const first = await oci.clientsFor(CONFIG_FILE, 'EMULATOR');
    assert.strictEqual(await oci.clientsFor(CONFIG_FILE, 'EMULATOR'), first, 'kept while its files are unchanged');

    // As an emulator restarted with --state-dir does: a new key at the same path.
    const later = new Date(Date.now() + 5_000);
    utimesSync(keyFile, later, later);
    const second = await oci.clientsFor(CONFIG_FILE, 'EMULATOR');
    assert.notStrictEqual(second, first, 'made again after its key file was written');

    // As a stopped emulator does: its key folder removed.
    renameSync(keyFile, `${keyFile}.away`);
    try {
      await assert.rejects(
        oci.clientsFor(CONFIG_FILE, 'EMULATOR'),
        /The key_file of profile EMULATOR \(.*\) cannot be read: ENOENT/,
      );
    } finally {
      renameSync(`${keyFile}.away`, keyFile);
    }
    const third = await oci.clientsFor(CONFIG_FILE, 'EMULATOR');
    assert.strictEqual((await third.getTenancy(emulator.state.tenancy.id)).name, emulator.state.tenancy.name);
  });
});
