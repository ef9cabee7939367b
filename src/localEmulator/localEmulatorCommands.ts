import * as vscode from 'vscode';
import { LOCAL_EMULATOR_PROFILE } from './localEmulator';
import { localEmulatorCommand } from './localEmulatorContext';

/** Runs the emulator in the editor and shows its profile in the Tenancy view: no Oracle account needed. */
export const startLocalEmulator = localEmulatorCommand({
  id: 'oew.emulator.start',
  args: [],
  run: async (ctx) => {
    const already = ctx.localEmulator.isRunning;
    const emulator = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the local emulator…') },
      () => ctx.localEmulator.start(),
    );
    void vscode.window.showInformationMessage(
      already
        ? vscode.l10n.t('The local emulator is already running on {0}.', emulator.server.url)
        : vscode.l10n.t(
            'The local emulator runs on {0}: profile {1} in the Tenancy view browses its demo tenancy.',
            emulator.server.url,
            LOCAL_EMULATOR_PROFILE,
          ),
    );
    return emulator.server.url;
  },
});

export const stopLocalEmulator = localEmulatorCommand({
  id: 'oew.emulator.stop',
  args: [],
  run: async (ctx) => {
    const stopped = await ctx.localEmulator.stop();
    if (!stopped) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The local emulator is not running.'));
    }
    return stopped;
  },
});
