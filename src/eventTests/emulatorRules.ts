import * as vscode from 'vscode';
import type { EmulatorRule } from '../core/eventTests/runEmulatorCases';
import { emitNamedEmulatorEvent } from '../core/tenancy/emulatorEvents';
import { callsLocalEndpoint, ProfileNode } from '../core/tenancy/profileNodes';
import { UserError } from '../core/errors/userError';
import type { TenancyModel } from '../tenancy';

/**
 * Finds a deployed rule, by its id, in the emulator profiles of the Tenancy view (the local
 * emulator's and any profile whose endpoint is an emulator on this machine), for Run in Emulator.
 */
export async function emulatorRule(tenancy: TenancyModel, ruleId: string): Promise<EmulatorRule> {
  const profiles = tenancy
    .roots()
    .filter((node): node is ProfileNode => node.kind === 'profile' && callsLocalEndpoint(node));
  if (!profiles.length) {
    throw new UserError(
      vscode.l10n.t('No emulator profile is in the Tenancy view, so there is nowhere to send the events.'),
      vscode.l10n.t(
        'Start the local emulator (OCI Events: Start Local Emulator), or run `oew emulator` and add its profile.',
      ),
    );
  }
  for (const profile of profiles) {
    const clients = await tenancy.clientsFor(profile);
    const found = await clients.getRule(ruleId).then(
      ({ rule }) => rule,
      () => undefined,
    );
    if (!found) {
      continue;
    }
    const names = new Map<string, string>();
    return {
      displayName: found.displayName,
      emit: (event) => emitNamedEmulatorEvent(clients, profile.endpoint!, event, found.compartmentId, names),
    };
  }
  throw new UserError(
    vscode.l10n.t(
      'The rule {0} is in none of the emulator profiles ({1}).',
      ruleId,
      profiles.map((p) => p.profile.name).join(', '),
    ),
    vscode.l10n.t('Deploy the rule file to one of them (Deploy Rule File), then run again.'),
  );
}
