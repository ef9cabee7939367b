import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ProfileNode } from '../../src/core/tenancy/profileNodes';
import { api, removeConfig, resetSettings, waitFor } from './helpers';
import { shown } from './tenancyTree';

describe('Start and Stop Local Emulator', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('oew.emulator.stop');
    await resetSettings();
  });

  const localProfile = async () =>
    (await api()).tenancy.model
      .roots()
      .find((n): n is ProfileNode => n.kind === 'profile' && n.profile.name === 'LOCAL_EMULATOR');

  it('runs the emulator in the editor and shows its tenancy in the Tenancy view, even with no config file, until stopped', async () => {
    removeConfig();
    const { tenancy } = await api();
    await tenancy.model.refresh();
    assert.deepStrictEqual(tenancy.model.roots(), [], 'no config file: only the welcome content');
    const url = await vscode.commands.executeCommand<string>('oew.emulator.start');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const profile = await waitFor(localProfile, (p) => p !== undefined, 'the LOCAL_EMULATOR profile');
    assert.strictEqual(profile!.endpoint, url);
    // The config file's removal reaches the view's watcher late, and the view then rebuilds: a
    // load it overtook shows nothing, so read the profile's rows again until they are in.
    const tenancyRow = (await waitFor(
      async () => {
        const current = await localProfile();
        return current ? (await shown(current))[0] : undefined;
      },
      (row) => row?.node.kind === 'tenancy',
      'the local emulator tenancy under its profile',
    ))!;
    const root = await shown(tenancyRow.node);
    assert.deepStrictEqual(
      root.map((r) => r.label),
      ['Rules', 'Topics', 'apps', 'network', 'security'],
      'the demo tenancy',
    );
    assert.strictEqual(await vscode.commands.executeCommand('oew.emulator.start'), url, 'a second start reuses it');
    assert.strictEqual(await vscode.commands.executeCommand('oew.emulator.stop'), true);
    assert.strictEqual(await localProfile(), undefined, 'its profile leaves the view');
    await assert.rejects(fetch(url), 'it no longer listens');
  });
});
