import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, messagesShownBy } from './helpers';

describe('activation', () => {
  it('does not activate at startup, only when something of it is used', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension under development is loaded');
    assert.strictEqual(extension.isActive, false);
  });

  it('activates and registers every contributed command', async () => {
    await api();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = JSON.parse(readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, []);
  });

  it('names a command by the title the palette shows, taken from package.nls.json, when given what it does not take', async () => {
    await api();
    const shown = await messagesShownBy(() => vscode.commands.executeCommand('oew.flowMap.show', 42));
    assert.strictEqual(shown.errors.length, 1, shown.errors.join('\n'));
    assert.match(shown.errors[0], /^OCI Events: Show Event Flow takes /);
  });

  it('does not load the OCI SDK until a profile is used', async () => {
    const { oci } = await api();
    assert.strictEqual(oci.sdkLoaded, false);
  });
});
